import { boolean, index, integer, numeric, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
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
 * One measurement (FHIR Observation-like). `code` is the LOINC code (29463-7 weight, 8302-2 height,
 * …) and `unit` the UCUM unit the value is stored in (height in cm, shown in m).
 */
export const measurements = pgTable(
  "measurements",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    code: text().notNull(),
    value: numeric({ precision: 10, scale: 3, mode: "number" }).notNull(),
    unit: text().notNull(),
    measuredAt: instant().notNull(),
    isHiddenFromProfessionals: boolean().notNull().default(false),
    ...lifecycleDates,
  },
  (table) => [index().on(table.personId, table.code, table.measuredAt)],
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
