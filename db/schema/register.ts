import { date, index, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { id, lifecycleDates } from "./columns";

export const sexEnum = pgEnum("sex", ["F", "M"]);

/**
 * The insurer's register (Assurance Maladie). Loaded by `npm run db:seed` or the CSV import,
 * never typed by the patient. Every other personal table is keyed by `insured_persons.id`.
 */
export const insuredPersons = pgTable(
  "insured_persons",
  {
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
    /** Serial number printed on the Vitale card: 8 to 13 digits. */
    vitaleSerial: text().notNull(),
    /** For a child (ayant droit): the NIR of the insured parent (ouvrant droit). */
    parentNir: text(),
    ...lifecycleDates,
  },
  (table) => [index().on(table.parentNir)],
);

export type InsuredPerson = typeof insuredPersons.$inferSelect;
export type NewInsuredPerson = typeof insuredPersons.$inferInsert;
