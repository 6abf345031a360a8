import { sql } from "drizzle-orm";
import { boolean, check, index, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, instant, lifecycleDates } from "./columns";
import { insuredPersons } from "./register";

/**
 * The directory of health professionals, loaded by `npm run professionals:import` (or the demo
 * seed), never typed in the portal. A professional logs in through an account of kind
 * `professional` that points here (accounts.professional_id).
 */
export const professionals = pgTable(
  "professionals",
  {
    id: id(),
    /** Numéro RPPS: 11 digits, the last a Luhn check digit. */
    rpps: text().notNull().unique(),
    lastName: text().notNull(),
    firstName: text().notNull(),
    /** Code of the national nomenclature of professions (10 médecin, 21 pharmacien, …): lib/professionals. */
    professionCode: text().notNull(),
    /** "Médecine générale", "Pédiatrie"…; null when the profession has none. */
    specialty: text(),
    /** Where they practise: a practice, a pharmacy, a hospital department. */
    structureName: text(),
    city: text(),
    email: text(),
    /** E.164, e.g. +33612345678. */
    mobile: text(),
    /** Works for a SAMU (centre 15): their emergency accesses fall under the patient's "SAMU" switch. */
    isEmergencyMedicalService: boolean().notNull().default(false),
    ...lifecycleDates,
  },
  (table) => [index("professionals_profession_index").on(table.professionCode)],
);

/**
 * Where a professional stands with one patient ("Autorisations d'accès"): authorised (they recorded
 * the patient's consent during care), blocked by the patient or an administrator, or withdrawn
 * (unblocked: the professional must ask for consent again before reaching anything).
 */
export const professionalAccessStatusEnum = pgEnum("professional_access_status", ["authorised", "blocked", "withdrawn"]);

export const professionalAccesses = pgTable(
  "professional_accesses",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    professionalId: uuid()
      .notNull()
      .references(() => professionals.id),
    status: professionalAccessStatusEnum().notNull(),
    /** Since when the professional is authorised, blocked or withdrawn ("depuis le …"). */
    statusSince: instant().notNull().defaultNow(),
    /** The last time the professional recorded "Le patient m'a donné son accord". */
    consentRecordedAt: instant(),
    /** Named by the patient: sees masked documents and may block other professionals. */
    isAdministrator: boolean().notNull().default(false),
    /** The e-mail of this professional's first access was sent: it goes once per patient. */
    firstAccessNotifiedAt: instant(),
    ...lifecycleDates,
  },
  (table) => [
    // The per-request check (person, professional) and the patient's lists (person prefix).
    uniqueIndex("professional_accesses_person_professional_unique").on(table.personId, table.professionalId),
    index("professional_accesses_professional_index").on(table.professionalId),
    check("professional_accesses_administrator_authorised", sql`not ${table.isAdministrator} or ${table.status} = 'authorised'`),
  ],
);

/**
 * The patient's three emergency switches (reference mes-data-model §6.3). No row: the defaults,
 * emergency access allowed unless the patient opposes it, masked documents left out.
 */
export const emergencyAccessSettings = pgTable(
  "emergency_access_settings",
  {
    personId: uuid()
      .primaryKey()
      .references(() => insuredPersons.id),
    /** "SAMU": SAMU professionals may open the record in an emergency. */
    allowsEmergencyMedicalService: boolean().notNull().default(true),
    /** "Autres professionnels de santé" (bris de glace): any professional may, in an emergency. */
    allowsOtherProfessionals: boolean().notNull().default(true),
    /** "Documents masqués": an emergency access also covers masked documents. */
    includesMaskedDocuments: boolean().notNull().default(false),
    ...lifecycleDates,
  },
  (table) => [
    check(
      "emergency_access_settings_masked_needs_a_switch",
      sql`not ${table.includesMaskedDocuments} or ${table.allowsEmergencyMedicalService} or ${table.allowsOtherProfessionals}`,
    ),
  ],
);

/** Under which switch an emergency access was opened. */
export const emergencyAccessKindEnum = pgEnum("emergency_access_kind", ["emergency_medical_service", "other_professional"]);

/**
 * "Accès en urgence": a professional opened a patient's record with a typed reason. It lasts until
 * `endsAt`, and only while the matching switch stays on (checked at every request).
 */
export const emergencyAccesses = pgTable(
  "emergency_accesses",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    professionalId: uuid()
      .notNull()
      .references(() => professionals.id),
    kind: emergencyAccessKindEnum().notNull(),
    /** "Motif", as the professional typed it. */
    reason: text().notNull(),
    startedAt: instant().notNull().defaultNow(),
    endsAt: instant().notNull(),
  },
  (table) => [index("emergency_accesses_person_professional_index").on(table.personId, table.professionalId, table.endsAt)],
);

/**
 * The matrice d'habilitations (arrêté du 26 octobre 2023): which document types each profession
 * may read. A pair absent from the table is not accessible. Seeded with the documented default
 * (lib/professional-access), replaced by `npm run access-matrix:import`.
 */
export const accessMatrixEntries = pgTable(
  "access_matrix_entries",
  {
    professionCode: text().notNull(),
    /** A DMP document type code (LOINC or TRE_A05): lib/documents/document-types.ts. */
    documentTypeCode: text().notNull(),
    isAccessible: boolean().notNull(),
    ...lifecycleDates,
  },
  (table) => [primaryKey({ columns: [table.professionCode, table.documentTypeCode] })],
);

export type Professional = typeof professionals.$inferSelect;
export type NewProfessional = typeof professionals.$inferInsert;
export type ProfessionalAccessStatus = (typeof professionalAccessStatusEnum.enumValues)[number];
export type EmergencyAccessKind = (typeof emergencyAccessKindEnum.enumValues)[number];
