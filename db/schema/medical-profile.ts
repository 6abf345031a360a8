import { sql } from "drizzle-orm";
import { boolean, check, index, integer, numeric, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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

/**
 * The sections of the profile whose entries live in `profile_items`. New values go at the end: a
 * stored value is never renamed. Labels, anchors and who may see each section live in
 * lib/medical-profile/sections.ts.
 */
export const profileSectionEnum = pgEnum("profile_section", [
  "illness",
  "treatment",
  "allergy",
  "hospitalisation",
  "family-history",
  "vaccination",
  "disability",
]);

/**
 * Who wrote a profile entry: the patient (or whoever acts for them) or a health professional.
 * The patient may not change what a professional wrote or confirmed (lib/medical-profile/authorship.ts).
 */
export const profileAuthorKindEnum = pgEnum("profile_author_kind", ["patient", "professional"]);

/** A hospitalisation's length is a number of these (reference §2.2 `durationUnit`). */
export const durationUnitEnum = pgEnum("profile_duration_unit", ["day", "week", "month", "year"]);

/** Kinds of disability (reference §2.2 `DisabilityModel.types`). */
export const disabilityTypeEnum = pgEnum("profile_disability_type", [
  "sensory",
  "neurodevelopmental",
  "psychic",
  "motor",
  "multiple",
  "disabling-disease",
  "other",
]);

export const disabilityRateEnum = pgEnum("profile_disability_rate", ["under-50", "50-to-79", "80-or-more", "unknown"]);

/** "Aide humaine": yes, no, or no need of any (reference `humanHelp` YES / NO / NONE). */
export const humanHelpEnum = pgEnum("profile_human_help", ["yes", "no", "none"]);

export const familyRelationshipEnum = pgEnum("profile_family_relationship", [
  "mother",
  "father",
  "grandmother",
  "grandfather",
  "sister",
  "brother",
  "great-grandmother",
  "great-grandfather",
  "aunt",
  "uncle",
  "other",
]);

/** A vaccination's place in its schedule (reference `typeOfAdministration` INITIMMUNIZ / BOOSTER / IMMUNIZ). */
export const vaccineAdministrationEnum = pgEnum("profile_vaccine_administration", ["primary", "booster", "single"]);

/**
 * An entry of a section of the profile ("Maladies et sujets de santé", "Traitements", "Allergies",
 * "Vaccinations", …). Columns a section does not use stay null; which ones each section uses,
 * and their limits, are lib/medical-profile/entries.ts. Dates are partial: a year, perhaps a
 * month, perhaps a day (month and day are null when unknown).
 */
export const profileItems = pgTable(
  "profile_items",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    section: profileSectionEnum().notNull(),
    /** The name: an illness, a treatment, a hospitalisation's reason, a vaccine, … */
    label: text().notNull(),
    /** The person's comment ("Commentaire"). */
    details: text(),
    /** Masking for sections professionals may see (vaccinations); meaningless elsewhere. */
    isHiddenFromProfessionals: boolean().notNull().default(false),
    /** Start (or, for a vaccination, its date). Null on entries the first-login questionnaire wrote. */
    startYear: integer(),
    startMonth: integer(),
    startDay: integer(),
    endYear: integer(),
    endMonth: integer(),
    endDay: integer(),
    /** "En cours": an illness or treatment still going on (then it has no end). */
    isOngoing: boolean().notNull().default(false),
    /** A treatment's "Posologie". */
    dosage: text(),
    /** A hospitalisation's length: `durationValue` `durationUnit`s. */
    durationValue: integer(),
    durationUnit: durationUnitEnum(),
    disabilityTypes: disabilityTypeEnum().array(),
    disabilityRate: disabilityRateEnum(),
    /** "Aide technique" (a wheelchair, a hearing aid, …). */
    technicalHelp: text(),
    humanHelp: humanHelpEnum(),
    familyRelationship: familyRelationshipEnum(),
    vaccineAdministration: vaccineAdministrationEnum(),
    lotNumber: text(),
    /** Who gave the vaccine ("Vaccinateur"), as the person writes it. */
    performer: text(),
    authorKind: profileAuthorKindEnum().notNull().default("patient"),
    /** Set when a professional confirmed an entry the patient wrote: it is then theirs to change. */
    confirmedByProfessionalAt: instant(),
    ...lifecycleDates,
  },
  (table) => [index().on(table.personId, table.section)],
);

/** "Je ne suis pas concerné" for one section, and when it was said; removed when an entry is added there. */
export const profileSectionDeclarations = pgTable(
  "profile_section_declarations",
  {
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    section: profileSectionEnum().notNull(),
    declaredAt: instant().notNull(),
  },
  (table) => [primaryKey({ columns: [table.personId, table.section] })],
);

export const bloodGroupEnum = pgEnum("blood_group", ["A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"]);

/** "Groupe sanguin": one value per person, the key says so. */
export const bloodGroups = pgTable("blood_groups", {
  personId: uuid()
    .primaryKey()
    .references(() => insuredPersons.id),
  bloodGroup: bloodGroupEnum().notNull(),
  authorKind: profileAuthorKindEnum().notNull().default("patient"),
  ...lifecycleDates,
});

/**
 * "Don d'organes": only that the person has read the information about organ donation, and when
 * (reference §2.2: neither a consent nor a refusal, the refusal register is elsewhere). One of the
 * "volontés" professionals may see, so it has its own masking.
 */
export const organDonationStatements = pgTable("organ_donation_statements", {
  personId: uuid()
    .primaryKey()
    .references(() => insuredPersons.id),
  informedAt: instant().notNull(),
  isHiddenFromProfessionals: boolean().notNull().default(false),
  ...lifecycleDates,
});

export const healthProfessionalRoleEnum = pgEnum("health_professional_role", [
  "general-practitioner",
  "pharmacist",
  "midwife",
]);

/**
 * "Mes professionnels de santé": the person's address book. An entry grants NO access to the
 * space (access rights are another matter, lib/access). One entry at most per role (médecin
 * traitant, pharmacien correspondant, sage-femme référente).
 */
export const healthProfessionalContacts = pgTable(
  "health_professional_contacts",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    name: text().notNull(),
    /** "Profession ou spécialité", as the person writes it. */
    speciality: text().notNull(),
    phone: text(),
    address: text(),
    role: healthProfessionalRoleEnum(),
    ...lifecycleDates,
  },
  (table) => [
    index().on(table.personId),
    uniqueIndex("health_professional_contacts_one_per_role").on(table.personId, table.role).where(sql`${table.role} is not null`),
  ],
);

export const entourageRelationEnum = pgEnum("entourage_relation", ["mother", "father", "child", "spouse", "guardian", "other"]);

/**
 * "Entourage": people to reach about the person. One contact may hold several roles; at most one
 * is the "personne de confiance" (the partial unique index says so). Professionals may see the
 * entourage, so each contact has its own masking.
 */
export const entourageContacts = pgTable(
  "entourage_contacts",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    firstName: text().notNull(),
    lastName: text().notNull(),
    relation: entourageRelationEnum().notNull(),
    /** E.164. */
    mobile: text().notNull(),
    postalCode: text().notNull(),
    city: text().notNull(),
    address: text(),
    isTrustedPerson: boolean().notNull().default(false),
    isEmergencyContact: boolean().notNull().default(false),
    isCaregiver: boolean().notNull().default(false),
    isHiddenFromProfessionals: boolean().notNull().default(false),
    ...lifecycleDates,
  },
  (table) => [
    index().on(table.personId),
    uniqueIndex("entourage_contacts_one_trusted_person").on(table.personId).where(sql`${table.isTrustedPerson}`),
  ],
);

/**
 * "Habitudes de vie": the person's latest answer to each question (codes and choices are
 * lib/medical-profile/lifestyle.ts), dated by when it was given.
 */
export const lifestyleAnswers = pgTable(
  "lifestyle_answers",
  {
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    question: text().notNull(),
    answer: text().notNull(),
    answeredAt: instant().notNull(),
  },
  (table) => [primaryKey({ columns: [table.personId, table.question] })],
);
