import { sql } from "drizzle-orm";
import { boolean, check, index, integer, numeric, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, instant, lifecycleDates } from "./columns";
import { insuredPersons } from "./register";

/** Where the first-login questionnaire stands; it is not shown again once finished or skipped through. */
export const onboardingQuestionnaires = pgTable("onboarding_questionnaires", {
  personId: uuid()
    .primaryKey()
    .references(() => insuredPersons.id),
  /** The next question to show, 1 to 5. */
  currentStep: integer().notNull().default(1),
  completedAt: instant(),
  ...lifecycleDates,
});

/**
 * Who added a measurement: the patient (or whoever acts in their space), a professional, or a
 * connected service ("EDITOR_SOLUTION" in the real service). Only the patient's own may be deleted
 * by the patient (lib/medical-profile/measures-access.ts).
 */
export const measurementAuthorKindEnum = pgEnum("measurement_author_kind", ["patient", "professional", "service"]);

/**
 * One measurement (FHIR Observation-like). `code` is the LOINC code (29463-7 weight, 8302-2 height,
 * …) and `unit` the UCUM unit the value is stored in (height in cm, shown in m). Blood pressure
 * (85354-9) is one row with both pressures: `value` the systolic, `diastolic_value` the diastolic.
 */
export const measurements = pgTable(
  "measurements",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    code: text().notNull(),
    /** The value, or the systolic pressure for blood pressure. */
    value: numeric({ precision: 10, scale: 3, mode: "number" }).notNull(),
    /** Blood pressure only: the diastolic pressure, in the same unit; null for every other kind. */
    diastolicValue: numeric({ precision: 10, scale: 3, mode: "number" }),
    unit: text().notNull(),
    measuredAt: instant().notNull(),
    /** Measurements are never shown to professionals (SPEC §6); kept for the synthesis' choices. */
    isHiddenFromProfessionals: boolean().notNull().default(false),
    authorKind: measurementAuthorKindEnum().notNull().default("patient"),
    /** The professional's or the service's name; null when the patient added it. */
    authorName: text(),
    ...lifecycleDates,
  },
  (table) => [
    index().on(table.personId, table.code, table.measuredAt),
    check("measurements_systolic_above_diastolic", sql`${table.diastolicValue} is null or ${table.value} > ${table.diastolicValue}`),
  ],
);

/**
 * A person's own target for one kind of measurement ("objectif"), at most one per kind, in the
 * kind's stored unit; shown on the measure's chart and beside its table.
 */
export const measurementTargets = pgTable(
  "measurement_targets",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    /** LOINC code of the measure, as in `measurements.code`. */
    code: text().notNull(),
    value: numeric({ precision: 10, scale: 3, mode: "number" }).notNull(),
    unit: text().notNull(),
    ...lifecycleDates,
  },
  (table) => [uniqueIndex().on(table.personId, table.code)],
);

export const profileSectionEnum = pgEnum("profile_section", [
  "illness",
  "treatment",
  "allergy",
  "hospitalisation",
  "family-history",
  "vaccination",
]);

/** An item of a medical profile section ("Maladies et sujets de santé", "Traitements", "Allergies", …). */
export const profileItems = pgTable(
  "profile_items",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    section: profileSectionEnum().notNull(),
    label: text().notNull(),
    details: text(),
    isHiddenFromProfessionals: boolean().notNull().default(false),
    ...lifecycleDates,
  },
  (table) => [index().on(table.personId, table.section)],
);
