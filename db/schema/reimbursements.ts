import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, instant, lifecycleDates } from "./columns";
import { insuredPersons } from "./register";

/**
 * The kinds of care the insurer reports (reference mes-data-model §3.2 `EpisodeCategory`, medicines
 * and vaccines together as the real service shows them). Labels live in lib/reimbursements/categories.ts.
 * New values go at the end: a stored value is never renamed.
 */
export const careCategoryEnum = pgEnum("care_category", [
  "medical-dental-care",
  "medicine-vaccine",
  "biology",
  "imaging",
  "hospital-stay",
  "medical-device",
]);

/** "Payé à": the insured person, or a third party paid directly (tiers payant). */
export const payeeEnum = pgEnum("reimbursement_payee", ["insured", "professional", "establishment"]);

/**
 * One care event of "Mon histoire de santé", as the insurer's feed reports it: who received which
 * care, when, from whom. Never typed by the patient (npm run reimbursements:import, the seed).
 * `line_reference` is the insurer's "Référence dossier" of the line it came from: importing the same
 * file again finds it and adds nothing.
 */
export const careEvents = pgTable(
  "care_events",
  {
    id: id(),
    /** The beneficiary (the person treated), who may be a child on a parent's card. */
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    lineReference: text().notNull().unique(),
    careDate: date({ mode: "string" }).notNull(),
    category: careCategoryEnum().notNull(),
    /** "Nature de la prestation": "Consultation de médecine générale", "Paracétamol 1 g", … */
    actLabel: text().notNull(),
    /** The act's code (NGAP, CCAM, CIP, NABM…), as the insurer writes it. */
    actCode: text().notNull(),
    /** The professional who gave or prescribed the care, when known: RPPS, or only a name. */
    professionalRpps: text(),
    professionalName: text(),
    establishmentName: text(),
    /**
     * A minor's care under the secret of Article L1111-5 of the public health code: it never
     * reaches their legal representatives, in any list, total, chart, export or counter
     * (lib/reimbursements/scope.ts).
     */
    isMinorSecret: boolean().notNull().default(false),
    createdAt: instant().notNull().defaultNow(),
  },
  (table) => [
    // The statement and the timeline: a person's events newest first, by keyset (care_date, id).
    index("care_events_person_date_id_index").on(table.personId, table.careDate.desc(), table.id.desc()),
    // The same, filtered by category.
    index("care_events_person_category_date_id_index").on(table.personId, table.category, table.careDate.desc(), table.id.desc()),
    check("care_events_rpps_has_11_digits", sql`${table.professionalRpps} is null or ${table.professionalRpps} ~ '^[0-9]{11}$'`),
  ],
);

/**
 * The insurer's statement line for a paid care event ("relevé de prestations", reference §3.3):
 * amounts in integer cents, never floats. The remaining charge is derived (paid − AMO − AMC), so
 * it can never disagree with them; the CHECKs keep it at zero or more.
 */
export const statementLines = pgTable(
  "statement_lines",
  {
    careEventId: uuid()
      .primaryKey()
      .references(() => careEvents.id),
    /** "Montant payé": what was charged for the care. */
    amountPaidCents: integer().notNull(),
    /** "Base du remboursement": the tariff the insurer computes on. */
    reimbursementBaseCents: integer().notNull(),
    /** "Taux", in percent of the base (70, 100, …). */
    ratePercent: integer().notNull(),
    /** "Montant versé" by the Assurance Maladie (AMO), deductions already taken off. */
    insurerPaidCents: integer().notNull(),
    /** Paid by the complementary insurer (AMC); zero when there is none. */
    complementaryPaidCents: integer().notNull(),
    /** Participation forfaitaire and franchises kept by the insurer. */
    deductionsCents: integer().notNull(),
    paymentDate: date({ mode: "string" }).notNull(),
    payee: payeeEnum().notNull(),
    ...lifecycleDates,
  },
  (table) => [
    check("statement_lines_amounts_not_negative", sql`${table.amountPaidCents} >= 0 and ${table.reimbursementBaseCents} >= 0 and ${table.insurerPaidCents} >= 0 and ${table.complementaryPaidCents} >= 0 and ${table.deductionsCents} >= 0`),
    check("statement_lines_rate_is_a_percentage", sql`${table.ratePercent} between 0 and 100`),
    check("statement_lines_paid_within_amount", sql`${table.insurerPaidCents} + ${table.complementaryPaidCents} <= ${table.amountPaidCents}`),
  ],
);

/**
 * The patient's choice for the whole of "Mon histoire de santé": visible to authorised professionals
 * (no row, the default) or masked from them (reference §3.2 `MASQUE_PS`).
 */
export const healthHistorySettings = pgTable("health_history_settings", {
  personId: uuid()
    .primaryKey()
    .references(() => insuredPersons.id),
  isHiddenFromProfessionals: boolean().notNull().default(false),
  ...lifecycleDates,
});

export type CareCategory = (typeof careCategoryEnum.enumValues)[number];
export type Payee = (typeof payeeEnum.enumValues)[number];
