import { date, index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, instant, lifecycleDates } from "./columns";

export const sexEnum = pgEnum("sex", ["F", "M"]);

/**
 * The insurer's register (Assurance Maladie). Loaded by `npm run db:seed` or the CSV import,
 * never typed by the patient. Every other personal table is keyed by `insured_persons.id`; a
 * child's legal representatives are in `guardianships` (below).
 */
export const insuredPersons = pgTable("insured_persons", {
  id: id(),
  /** 13 characters + 2-digit key, no spaces; 2A/2B kept as letters for Corsica. */
  nir: text().notNull().unique(),
  birthName: text().notNull(),
  /** Nom d'usage, when it differs from the birth name. */
  usageName: text(),
  /** First names, space separated, the first one being the usual one. */
  firstNames: text().notNull(),
  sex: sexEnum().notNull(),
  birthDate: date({ mode: "string" }).notNull(),
  /** INSEE code of the birth commune, or 99 + country code for people born abroad. */
  birthPlaceCode: text().notNull(),
  email: text(),
  /** E.164, e.g. +33612345678. */
  mobile: text(),
  postalAddress: text(),
  /**
   * Serial number printed on the Vitale card: 8 to 13 digits. Null for a child who has no card
   * of their own (on a parent's card, with a guardianship): such a person cannot ask for a
   * provisional code, their legal representative manages their space.
   */
  vitaleSerial: text(),
  ...lifecycleDates,
},
  // The preventive calendar's job finds who reaches an age today (lib/agenda/reminder-job.ts).
  (table) => [index("insured_persons_birth_date_index").on(table.birthDate)],
);

export type InsuredPerson = typeof insuredPersons.$inferSelect;
export type NewInsuredPerson = typeof insuredPersons.$inferInsert;

export const guardianshipSourceEnum = pgEnum("guardianship_source", ["register"]);

/**
 * A child's legal representatives, as the insurer's register states them (the "ouvrant droit"
 * NIR on the child's line). A child may have two. The guardian is known by NIR first; the person
 * id is filled when that NIR is in the register.
 */
export const guardianships = pgTable(
  "guardianships",
  {
    id: id(),
    childPersonId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    guardianNir: text().notNull(),
    guardianPersonId: uuid().references(() => insuredPersons.id),
    source: guardianshipSourceEnum().notNull(),
    createdAt: instant().notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex().on(table.childPersonId, table.guardianNir),
    index().on(table.guardianNir),
    index().on(table.guardianPersonId),
  ],
);

