import { sql } from "drizzle-orm";
import { check, date, index, pgEnum, pgTable, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, instant, lifecycleDates } from "./columns";
import { accounts } from "./accounts";
import { professionals } from "./professionals";
import { insuredPersons } from "./register";

/** Who an appointment is with (reference mes-data-model §4.1 `type`): a professional or an establishment. */
export const appointmentWithKindEnum = pgEnum("appointment_with_kind", ["practitioner", "establishment"]);

/** Who wrote an appointment in the agenda: the person (editable), or a professional from /pro (read-only for the person). */
export const appointmentAuthorKindEnum = pgEnum("appointment_author_kind", ["patient", "professional"]);

/** FHIR Appointment statuses the service shows on a professional's appointment: confirmé, honoré, annulé, non honoré. */
export const appointmentStatusEnum = pgEnum("appointment_status", ["booked", "fulfilled", "cancelled", "noshow"]);

/**
 * "Agenda": appointments of one person (SPEC §6, reference §4.1). Mon espace santé books nothing:
 * these rows only remind the person of what they (or their professional) arranged elsewhere.
 */
export const appointments = pgTable(
  "appointments",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    /** "Titre", optional, ≤ 100 characters. */
    title: text(),
    withKind: appointmentWithKindEnum().notNull(),
    /** "Avec qui": the professional's or the establishment's name, as typed or as the professional is named. */
    withName: text().notNull(),
    startsAt: instant().notNull(),
    address: text(),
    /** "Note personnelle", ≤ 1000: the person's own, never shown to professionals. */
    note: text(),
    authorKind: appointmentAuthorKindEnum().notNull().default("patient"),
    authorProfessionalId: uuid().references(() => professionals.id),
    /** A professional's appointment says where it stands; the person's own has no status. */
    status: appointmentStatusEnum(),
    ...lifecycleDates,
  },
  (table) => [
    index("appointments_person_starts_index").on(table.personId, table.startsAt),
    // The reminder job reads tomorrow's appointments of everyone.
    index("appointments_starts_index").on(table.startsAt),
    check("appointments_title_length", sql`char_length(${table.title}) <= 100`),
    check("appointments_with_name_length", sql`char_length(${table.withName}) between 1 and 100`),
    check("appointments_address_length", sql`char_length(${table.address}) <= 200`),
    check("appointments_note_length", sql`char_length(${table.note}) <= 1000`),
    check(
      "appointments_author_shape",
      sql`(${table.authorKind} = 'patient' and ${table.authorProfessionalId} is null and ${table.status} is null)
        or (${table.authorKind} = 'professional' and ${table.authorProfessionalId} is not null and ${table.status} is not null)`,
    ),
  ],
);

/** Most "rappels" one person may have on one day (reference §4.2). */
export const MAX_REMINDERS_PER_DAY = 10;

/**
 * "Rappels": things the person wants to be reminded of on a day (reference §4.2). `slot` numbers
 * the day's reminders 1 to 10, unique per person and day, so the database itself cannot hold an
 * eleventh whatever two requests do at once (lib/agenda/reminders.ts picks the free slot).
 */
export const agendaReminders = pgTable(
  "agenda_reminders",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    title: text().notNull(),
    /** The day, in Paris. */
    remindOn: date({ mode: "string" }).notNull(),
    note: text(),
    slot: smallint().notNull(),
    ...lifecycleDates,
  },
  (table) => [
    uniqueIndex("agenda_reminders_day_slot_index").on(table.personId, table.remindOn, table.slot),
    index("agenda_reminders_day_index").on(table.remindOn),
    check("agenda_reminders_slot_range", sql`${table.slot} between 1 and ${sql.raw(String(MAX_REMINDERS_PER_DAY))}`),
    check("agenda_reminders_title_length", sql`char_length(${table.title}) between 1 and 100`),
    check("agenda_reminders_note_length", sql`char_length(${table.note}) <= 1000`),
  ],
);

/** A preventive item's status for one person (reference §4.3 `PreventionTypeEnum`). */
export const preventiveStatusEnum = pgEnum("preventive_status", ["to_plan", "done", "not_done", "not_specified"]);

/**
 * What the person said of an item of the preventive calendar (the reference data lives in
 * lib/agenda/preventive-calendar.ts, keyed by `itemCode`). No row: the status follows from the
 * due date ("à planifier" ahead, "non renseigné" once passed).
 */
export const preventiveItemStatuses = pgTable(
  "preventive_item_statuses",
  {
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    itemCode: text().notNull(),
    status: preventiveStatusEnum().notNull(),
    /** When it was done, if the person says; never later than the day it was said. */
    doneOn: date({ mode: "string" }),
    ...lifecycleDates,
  },
  (table) => [
    uniqueIndex("preventive_item_statuses_person_item_index").on(table.personId, table.itemCode),
    check("preventive_item_statuses_done_on", sql`${table.doneOn} is null or ${table.status} = 'done'`),
  ],
);

/**
 * The private calendar subscription address of an account for one space (a parent may follow a
 * child's agenda). Only the token's SHA-256 is kept: the address is shown once, and renewing it
 * replaces the hash, which ends the old address at once.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: id(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    tokenHash: text().notNull(),
    renewedAt: instant().notNull().defaultNow(),
    ...lifecycleDates,
  },
  (table) => [
    uniqueIndex("calendar_feeds_account_person_index").on(table.accountId, table.personId),
    uniqueIndex("calendar_feeds_token_hash_index").on(table.tokenHash),
  ],
);
