import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, instant, lifecycleDates } from "./columns";
import { insuredPersons } from "./register";

/**
 * pending: not yet created (waiting period running, or not yet notified);
 * opposed: the person opposed, nothing is reachable; created: opened by the job after the
 * waiting period, no login yet; active: the person activated it and has an account.
 */
export const spaceStatusEnum = pgEnum("space_status", ["pending", "opposed", "created", "active"]);
export const notificationChannelEnum = pgEnum("notification_channel", ["email", "letter"]);
export const codeChannelEnum = pgEnum("code_channel", ["email", "sms", "letter"]);

/** One row per insured person: the state of their space. */
export const spaces = pgTable(
  "spaces",
  {
    personId: uuid()
      .primaryKey()
      .references(() => insuredPersons.id),
    status: spaceStatusEnum().notNull().default("pending"),
    notifiedAt: instant(),
    notificationChannel: notificationChannelEnum(),
    /** Set when notified: the space opens by itself after this instant unless opposed. */
    waitingPeriodEndsAt: instant(),
    /** When the space came into existence: by the job after the waiting period, or by activation. */
    openedAt: instant(),
    activatedAt: instant(),
    ...lifecycleDates,
  },
  (table) => [
    index().on(table.status, table.waitingPeriodEndsAt),
    // The notification job walks the people still to notify in id order, 200 at a time: without
    // this index each batch rereads every pending space (docs/decisions/0005-benchmarks.md).
    index("spaces_unnotified_person_id_index")
      .on(table.personId)
      .where(sql`${table.status} = 'pending' and ${table.notifiedAt} is null`),
  ],
);

/** Every opposition ever recorded; withdrawn when the person later activates. */
export const oppositions = pgTable(
  "oppositions",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    opposedAt: instant().notNull(),
    withdrawnAt: instant(),
  },
  (table) => [index().on(table.personId)],
);

/** Provisional codes (codes provisoires): hashed, single use, expiring, five wrong tries at most. */
export const provisionalCodes = pgTable(
  "provisional_codes",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    /** HMAC-SHA-256 of the normalised code under the server secret. */
    codeHash: text().notNull(),
    channel: codeChannelEnum().notNull(),
    expiresAt: instant().notNull(),
    failedAttempts: integer().notNull().default(0),
    usedAt: instant(),
    /** Set when a newer code replaces this one or the tries are exhausted. */
    revokedAt: instant(),
    createdAt: instant().notNull().defaultNow(),
  },
  (table) => [index().on(table.personId, table.createdAt)],
);

/**
 * A browser's way through enrolment, identified by a random token kept in an HttpOnly cookie
 * (only its hash is stored). It carries what the person proved and chose so far.
 */
export const enrolmentFlows = pgTable(
  "enrolment_flows",
  {
    id: id(),
    tokenHash: text().notNull().unique(),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    /** Set once a valid provisional code was entered in this flow. */
    codeVerifiedAt: instant(),
    termsAcceptedAt: instant(),
    /** Contact details confirmed for the space; start as the register's, change only once verified. */
    email: text(),
    mobile: text(),
    contactsConfirmedAt: instant(),
    /** The opposition recorded in this flow, so that its receipt can be downloaded here only. */
    oppositionId: uuid().references(() => oppositions.id),
    completedAt: instant(),
    expiresAt: instant().notNull(),
    createdAt: instant().notNull().defaultNow(),
  },
  (table) => [index().on(table.personId)],
);

export const contactKindEnum = pgEnum("contact_kind", ["email", "mobile"]);

/** A code sent to a new e-mail address or mobile number; the value changes only once verified. */
export const contactVerifications = pgTable(
  "contact_verifications",
  {
    id: id(),
    flowId: uuid()
      .notNull()
      .references(() => enrolmentFlows.id),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    kind: contactKindEnum().notNull(),
    newValue: text().notNull(),
    codeHash: text().notNull(),
    expiresAt: instant().notNull(),
    failedAttempts: integer().notNull().default(0),
    verifiedAt: instant(),
    revokedAt: instant(),
    createdAt: instant().notNull().defaultNow(),
  },
  (table) => [index().on(table.flowId)],
);

export type SpaceStatus = (typeof spaceStatusEnum.enumValues)[number];
