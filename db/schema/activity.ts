import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts, representationBasisEnum } from "./accounts";
import { instant } from "./columns";
import { insuredPersons } from "./register";

/**
 * Who acted: the person (or their representative) signed in, a professional, a connected service,
 * or the service itself (jobs, automatic steps). A person acting before they have an account, during
 * enrolment, is a `patient` with no account id.
 */
export const activityActorKindEnum = pgEnum("activity_actor_kind", ["patient", "professional", "service", "system"]);

/** The tabs of "Historique d'activité": "Général", "Services tiers", "Documents de santé". */
export const activityGroupEnum = pgEnum("activity_group", ["general", "third_party_services", "health_documents"]);


/**
 * The activity history: one row per thing done in or to a person's space, written in the same
 * transaction as the change it records. Append-only: the database refuses UPDATE, DELETE and
 * TRUNCATE on it (triggers in the migration). Each row's hash covers its content and the previous
 * row of the same subject, so that `npm run activity:verify` finds any row changed or removed
 * behind the triggers' back (docs/decisions/0010-activity-history.md).
 */
export const activityEvents = pgTable(
  "activity_events",
  {
    /** Set by the application, not the database: it is part of the hashed content. */
    id: uuid().primaryKey(),
    /** Whose space this happened in. */
    subjectPersonId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    /** 1, 2, 3… within the subject: the chain's order, whatever the clocks said. */
    sequence: integer().notNull(),
    at: instant().notNull(),
    actorKind: activityActorKindEnum().notNull(),
    /** The account that acted; null for the system, a service, or a person not yet enrolled. */
    actorAccountId: uuid().references(() => accounts.id),
    /** The actor's name as it was when they acted ("Camille Martin", "Mon espace santé"). */
    actorName: text().notNull(),
    /** On what ground the actor acted for the subject: the basis of their representation at the time. */
    onBehalfOf: representationBasisEnum().notNull(),
    /** One of the codes of lib/activity/actions.ts, e.g. "auth.login-succeeded". */
    action: text().notNull(),
    group: activityGroupEnum().notNull(),
    /** What was acted on, e.g. ("conversation", <id>); both null when the act has no object. */
    targetType: text(),
    targetId: uuid(),
    /** An access under an emergency switch (SAMU, bris de glace). */
    isEmergency: boolean().notNull().default(false),
    /** The hash of the subject's previous event; null for their first. */
    previousHash: text(),
    /** SHA-256, hex, of the canonical serialisation of this row (lib/activity/hash.ts). */
    hash: text().notNull(),
  },
  (table) => [
    // The history page: a subject's events newest first, 100 at a time, by keyset (at, id).
    index("activity_events_subject_at_id_index").on(table.subjectPersonId, table.at.desc(), table.id.desc()),
    // The chain: the subject's last event when appending one, every event in order when verifying.
    uniqueIndex("activity_events_subject_sequence_index").on(table.subjectPersonId, table.sequence),
    index("activity_events_actor_account_id_index")
      .on(table.actorAccountId)
      .where(sql`${table.actorAccountId} is not null`),
  ],
);

export type ActivityEventRow = typeof activityEvents.$inferSelect;
export type ActivityActorKind = (typeof activityActorKindEnum.enumValues)[number];
export type ActivityGroup = (typeof activityGroupEnum.enumValues)[number];
export type ActivityBasis = (typeof representationBasisEnum.enumValues)[number];

/**
 * The history of an account that is no insured person's login — a professional's (/pro): logins,
 * refused passwords and codes, logouts. Such an account has no patient's history to go to, and
 * its events are no patient's business. Append-only like activity_events (the migration's triggers
 * refuse UPDATE, DELETE and TRUNCATE); written in the same transaction as what it records.
 */
export const accountEvents = pgTable(
  "account_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id),
    /** One of the codes of lib/activity/actions.ts, e.g. "auth.login-succeeded". */
    action: text().notNull(),
    /** What was acted on, e.g. ("session", <id>); both null when the act has no object. */
    targetType: text(),
    targetId: uuid(),
    at: instant().notNull(),
  },
  (table) => [index("account_events_account_at_index").on(table.accountId, table.at.desc())],
);

export type AccountEventRow = typeof accountEvents.$inferSelect;
