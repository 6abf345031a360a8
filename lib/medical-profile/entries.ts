import type { FieldErrors } from "@/lib/form-state";
import { normalizeMobile } from "@/lib/validation";
import { type PartialDate, isPartialDateOrderPossible, parsePartialDate } from "./partial-date";
import type { EntrySection } from "./sections";

/**
 * The forms of the profile's entry sections, as data: which fields each has, their French
 * labels, limits (reference §2.2) and choices. The form component draws them and `parseEntry`
 * checks what was sent against the same list, so a field and its rule cannot drift apart. Pure:
 * client components read it too.
 */

export type Choice = { value: string; label: string };

export type FieldSpec =
  | {
      kind: "text";
      name: string;
      label: string;
      maxLength: number;
      /** Said when a required field is left empty. */
      missing?: string;
      hint?: string;
      /** How the text is read: a French mobile, a 5-digit postal code, a phone, up to 3 digits. */
      format?: "mobile" | "postal-code" | "phone" | "duration";
      autoComplete?: string;
      /** Suggestions offered while typing (an HTML datalist); anything else may be typed. */
      suggestions?: readonly string[];
    }
  | { kind: "textarea"; name: string; label: string; maxLength: number; hint?: string }
  | { kind: "partial-date"; name: "start" | "end"; legend: string; missing?: string; hint?: string }
  | { kind: "select"; name: string; label: string; choices: readonly Choice[]; missing?: string; emptyLabel?: string }
  | { kind: "radio"; name: string; legend: string; choices: readonly Choice[]; missing?: string }
  | { kind: "checkboxes"; name: string; legend: string; choices: readonly Choice[]; missing?: string; hint?: string }
  | { kind: "checkbox"; name: string; label: string };

/** What a form sent, by field name: every value of the field (checkboxes send several). */
export type SubmittedValues = Record<string, string[] | undefined>;

/** A field's value once checked. */
export type ParsedValue = string | string[] | boolean | PartialDate | null;

export type ParsedEntry = Record<string, ParsedValue>;

export type EntryParseResult = { success: true; entry: ParsedEntry } | { success: false; fieldErrors: FieldErrors };

/** Comments are capped alike in every section (reference §2.2: ≤ 3000). */
export const MAX_COMMENT_LENGTH = 3000;
export const MAX_NAME_LENGTH = 200;
export const MAX_DOSAGE_LENGTH = 1000;
export const MAX_TECHNICAL_HELP_LENGTH = 50;
export const MAX_LOT_NUMBER_LENGTH = 100;
export const MAX_CONTACT_NAME_LENGTH = 50;
export const MAX_ADDRESS_LENGTH = 100;
export const MAX_DURATION_DIGITS = 3;

const comment: FieldSpec = { kind: "textarea", name: "details", label: "Commentaire", maxLength: MAX_COMMENT_LENGTH };
const startDate = (legend: string, missing?: string): FieldSpec => ({ kind: "partial-date", name: "start", legend, missing, hint: "L'année suffit ; le mois et le jour sont facultatifs." });
const endDate: FieldSpec = { kind: "partial-date", name: "end", legend: "Date de fin", hint: "Facultative. L'année suffit." };
const ongoing: FieldSpec = { kind: "checkbox", name: "isOngoing", label: "En cours" };

export const DURATION_UNITS: readonly Choice[] = [
  { value: "day", label: "jours" },
  { value: "week", label: "semaines" },
  { value: "month", label: "mois" },
  { value: "year", label: "années" },
];

export const DISABILITY_TYPES: readonly Choice[] = [
  { value: "sensory", label: "Sensoriel" },
  { value: "neurodevelopmental", label: "Trouble du neuro-développement" },
  { value: "psychic", label: "Psychique" },
  { value: "motor", label: "Moteur" },
  { value: "multiple", label: "Polyhandicap" },
  { value: "disabling-disease", label: "Maladie invalidante" },
  { value: "other", label: "Autre" },
];

export const DISABILITY_RATES: readonly Choice[] = [
  { value: "under-50", label: "Moins de 50 %" },
  { value: "50-to-79", label: "De 50 à 79 %" },
  { value: "80-or-more", label: "80 % ou plus" },
  { value: "unknown", label: "Je ne sais pas" },
];

export const HUMAN_HELP: readonly Choice[] = [
  { value: "yes", label: "Oui" },
  { value: "no", label: "Non" },
  { value: "none", label: "Aucune" },
];

export const FAMILY_RELATIONSHIPS: readonly Choice[] = [
  { value: "mother", label: "Mère" },
  { value: "father", label: "Père" },
  { value: "grandmother", label: "Grand-mère" },
  { value: "grandfather", label: "Grand-père" },
  { value: "sister", label: "Sœur" },
  { value: "brother", label: "Frère" },
  { value: "great-grandmother", label: "Arrière-grand-mère" },
  { value: "great-grandfather", label: "Arrière-grand-père" },
  { value: "aunt", label: "Tante" },
  { value: "uncle", label: "Oncle" },
  { value: "other", label: "Autre" },
];

export const VACCINE_ADMINISTRATIONS: readonly Choice[] = [
  { value: "primary", label: "Primovaccination" },
  { value: "booster", label: "Rappel" },
  { value: "single", label: "Dose unique" },
];

/**
 * Vaccines offered while typing: those of the French schedule and the usual seasonal ones. The
 * real service reads a national referential (reference §2.2 `VaccineRefModel`); until it is
 * here, any other name may be typed.
 */
export const COMMON_VACCINES = [
  "Diphtérie, tétanos, poliomyélite (DTP)",
  "Coqueluche",
  "Haemophilus influenzae b",
  "Hépatite B",
  "Pneumocoque",
  "Méningocoque C",
  "Méningocoques ACWY",
  "Méningocoque B",
  "Rougeole, oreillons, rubéole (ROR)",
  "Papillomavirus (HPV)",
  "Grippe saisonnière",
  "Covid-19",
  "Zona",
  "Rotavirus",
  "Tuberculose (BCG)",
  "Fièvre jaune",
  "Hépatite A",
  "Fièvre typhoïde",
  "Rage",
  "Virus respiratoire syncytial (VRS)",
] as const;

export const HEALTH_PROFESSIONAL_ROLES: readonly Choice[] = [
  { value: "general-practitioner", label: "Médecin traitant" },
  { value: "pharmacist", label: "Pharmacien correspondant" },
  { value: "midwife", label: "Sage-femme référente" },
];

export const ENTOURAGE_RELATIONS: readonly Choice[] = [
  { value: "mother", label: "Mère" },
  { value: "father", label: "Père" },
  { value: "child", label: "Enfant" },
  { value: "spouse", label: "Conjoint ou conjointe" },
  { value: "guardian", label: "Tuteur ou tutrice" },
  { value: "other", label: "Autre" },
];

/** An entourage contact's roles; one contact may hold several. */
export const ENTOURAGE_ROLES: readonly Choice[] = [
  { value: "trusted-person", label: "Personne de confiance" },
  { value: "emergency-contact", label: "Contact d'urgence" },
  { value: "caregiver", label: "Aidant" },
];

export type EntryForm = {
  /** "Ajouter une maladie": the add page's heading and the summary's link. */
  addTitle: string;
  editTitle: string;
  /** The submit button's name. */
  submitLabel: string;
  fields: readonly FieldSpec[];
  /** Rules between fields, on top of each field's own; messages keyed by field. */
  check?: (entry: ParsedEntry) => FieldErrors;
};

function endAfterStart(entry: ParsedEntry): FieldErrors {
  const start = entry.start as PartialDate | null;
  const end = entry.end as PartialDate | null;
  if (entry.isOngoing === true && end) return { end: ["Une maladie ou un traitement en cours n'a pas de date de fin : décochez « En cours » ou effacez la date de fin."] };
  if (start && end && !isPartialDateOrderPossible(start, end)) return { end: ["La date de fin ne peut pas être avant la date de début."] };
  return {};
}

export const ENTRY_FORMS: Record<EntrySection, EntryForm> = {
  illness: {
    addTitle: "Ajouter une maladie ou un sujet de santé",
    editTitle: "Modifier une maladie ou un sujet de santé",
    submitLabel: "Enregistrer",
    fields: [
      { kind: "text", name: "label", label: "Nom de la maladie ou du sujet de santé", maxLength: MAX_NAME_LENGTH, missing: "Indiquez le nom de la maladie ou du sujet de santé." },
      startDate("Date de début", "Indiquez au moins l'année de début."),
      ongoing,
      endDate,
      comment,
    ],
    check: endAfterStart,
  },
  treatment: {
    addTitle: "Ajouter un traitement",
    editTitle: "Modifier un traitement",
    submitLabel: "Enregistrer",
    fields: [
      { kind: "text", name: "label", label: "Nom du traitement", maxLength: MAX_NAME_LENGTH, missing: "Indiquez le nom du traitement." },
      { kind: "textarea", name: "dosage", label: "Posologie", maxLength: MAX_DOSAGE_LENGTH, hint: "Par exemple « 1 comprimé matin et soir »." },
      startDate("Date de début", "Indiquez au moins l'année de début."),
      ongoing,
      endDate,
      comment,
    ],
    check: endAfterStart,
  },
  hospitalisation: {
    addTitle: "Ajouter une hospitalisation",
    editTitle: "Modifier une hospitalisation",
    submitLabel: "Enregistrer",
    fields: [
      { kind: "text", name: "label", label: "Motif de l'hospitalisation", maxLength: MAX_NAME_LENGTH, missing: "Indiquez le motif de l'hospitalisation." },
      startDate("Date d'entrée", "Indiquez au moins l'année de l'hospitalisation."),
      { kind: "text", name: "durationValue", label: "Durée", maxLength: MAX_DURATION_DIGITS, format: "duration", missing: "Indiquez la durée, en chiffres." },
      { kind: "select", name: "durationUnit", label: "Unité de durée", choices: DURATION_UNITS, missing: "Choisissez l'unité de la durée." },
      comment,
    ],
  },
  disability: {
    addTitle: "Ajouter un handicap",
    editTitle: "Modifier un handicap",
    submitLabel: "Enregistrer",
    fields: [
      { kind: "text", name: "label", label: "Nom du handicap", maxLength: MAX_NAME_LENGTH, missing: "Indiquez le nom du handicap." },
      { kind: "checkboxes", name: "disabilityTypes", legend: "Type de handicap", choices: DISABILITY_TYPES, missing: "Cochez au moins un type de handicap.", hint: "Plusieurs choix possibles." },
      { kind: "select", name: "disabilityRate", label: "Taux d'incapacité", choices: DISABILITY_RATES, emptyLabel: "Non renseigné" },
      { kind: "text", name: "technicalHelp", label: "Aide technique", maxLength: MAX_TECHNICAL_HELP_LENGTH, hint: "Par exemple « fauteuil roulant »." },
      { kind: "radio", name: "humanHelp", legend: "Aide humaine", choices: HUMAN_HELP, missing: "Indiquez si vous avez une aide humaine." },
      comment,
    ],
  },
  allergy: {
    addTitle: "Ajouter une allergie",
    editTitle: "Modifier une allergie",
    submitLabel: "Enregistrer",
    fields: [{ kind: "text", name: "label", label: "Nom de l'allergie", maxLength: MAX_NAME_LENGTH, missing: "Indiquez le nom de l'allergie." }, comment],
  },
  "family-history": {
    addTitle: "Ajouter un antécédent familial",
    editTitle: "Modifier un antécédent familial",
    submitLabel: "Enregistrer",
    fields: [
      { kind: "text", name: "label", label: "Maladie ou sujet de santé", maxLength: MAX_NAME_LENGTH, missing: "Indiquez la maladie ou le sujet de santé." },
      { kind: "select", name: "familyRelationship", label: "Lien de parenté", choices: FAMILY_RELATIONSHIPS, missing: "Choisissez le lien de parenté." },
      comment,
    ],
  },
  vaccination: {
    addTitle: "Ajouter une vaccination",
    editTitle: "Modifier une vaccination",
    submitLabel: "Enregistrer",
    fields: [
      {
        kind: "text",
        name: "label",
        label: "Vaccin",
        maxLength: MAX_NAME_LENGTH,
        missing: "Indiquez le vaccin.",
        hint: "Choisissez dans la liste proposée ou écrivez le nom du vaccin.",
        suggestions: COMMON_VACCINES,
      },
      startDate("Date de la vaccination", "Indiquez au moins l'année de la vaccination."),
      { kind: "select", name: "vaccineAdministration", label: "Type d'administration", choices: VACCINE_ADMINISTRATIONS, emptyLabel: "Non renseigné" },
      { kind: "text", name: "lotNumber", label: "Numéro de lot", maxLength: MAX_LOT_NUMBER_LENGTH },
      { kind: "text", name: "performer", label: "Vaccinateur", maxLength: MAX_NAME_LENGTH, hint: "Le professionnel ou le lieu de la vaccination." },
      comment,
    ],
  },
  "health-professionals": {
    addTitle: "Ajouter un professionnel de santé",
    editTitle: "Modifier un professionnel de santé",
    submitLabel: "Enregistrer",
    fields: [
      { kind: "text", name: "name", label: "Nom", maxLength: MAX_NAME_LENGTH, missing: "Indiquez le nom du professionnel.", autoComplete: "off" },
      { kind: "text", name: "speciality", label: "Profession ou spécialité", maxLength: MAX_NAME_LENGTH, missing: "Indiquez sa profession ou sa spécialité." },
      { kind: "text", name: "phone", label: "Téléphone", maxLength: 20, format: "phone", autoComplete: "off" },
      { kind: "text", name: "address", label: "Adresse", maxLength: MAX_ADDRESS_LENGTH, autoComplete: "off" },
      { kind: "select", name: "role", label: "Rôle", choices: HEALTH_PROFESSIONAL_ROLES, emptyLabel: "Aucun rôle particulier" },
    ],
  },
  entourage: {
    addTitle: "Ajouter un contact",
    editTitle: "Modifier un contact",
    submitLabel: "Enregistrer",
    fields: [
      { kind: "text", name: "firstName", label: "Prénom", maxLength: MAX_CONTACT_NAME_LENGTH, missing: "Indiquez le prénom.", autoComplete: "off" },
      { kind: "text", name: "lastName", label: "Nom", maxLength: MAX_CONTACT_NAME_LENGTH, missing: "Indiquez le nom.", autoComplete: "off" },
      { kind: "checkboxes", name: "roles", legend: "Type de contact", choices: ENTOURAGE_ROLES, missing: "Cochez au moins un type de contact.", hint: "Plusieurs choix possibles." },
      { kind: "select", name: "relation", label: "Relation", choices: ENTOURAGE_RELATIONS, missing: "Choisissez la relation." },
      { kind: "text", name: "mobile", label: "Téléphone mobile", maxLength: 20, format: "mobile", missing: "Indiquez le numéro de mobile.", autoComplete: "off" },
      { kind: "text", name: "address", label: "Adresse", maxLength: MAX_ADDRESS_LENGTH, autoComplete: "off" },
      { kind: "text", name: "postalCode", label: "Code postal", maxLength: 5, format: "postal-code", missing: "Indiquez le code postal.", autoComplete: "off" },
      { kind: "text", name: "city", label: "Ville", maxLength: MAX_CONTACT_NAME_LENGTH, missing: "Indiquez la ville.", autoComplete: "off" },
    ],
  },
};

/** The names a form of `section` sends, partial dates as their three fields. */
export function submittedFieldNames(section: EntrySection): string[] {
  return ENTRY_FORMS[section].fields.flatMap((field) =>
    field.kind === "partial-date" ? [`${field.name}Day`, `${field.name}Month`, `${field.name}Year`] : [field.name],
  );
}

function fieldLabel(field: FieldSpec): string {
  return "label" in field ? field.label : field.legend;
}

function tooLong(field: FieldSpec, length: number, maxLength: number): string {
  return `${fieldLabel(field)} : ${maxLength} caractères au plus (vous en avez saisi ${length}).`;
}

function readText(field: Extract<FieldSpec, { kind: "text" }>, raw: string): { value: string | null } | { error: string } {
  const text = raw.replace(/\s+/g, " ").trim();
  if (!text) return field.missing ? { error: field.missing } : { value: null };
  switch (field.format) {
    case "mobile": {
      const mobile = normalizeMobile(text);
      return mobile ? { value: mobile } : { error: "Saisissez un numéro de mobile valide, par exemple 06 12 34 56 78." };
    }
    case "phone": {
      const compact = text.replace(/[\s.()-]/g, "");
      return /^(0\d{9}|\+[1-9]\d{7,14})$/.test(compact) ? { value: compact } : { error: "Saisissez un numéro de téléphone valide, par exemple 01 23 45 67 89." };
    }
    case "postal-code":
      return /^\d{5}$/.test(text) ? { value: text } : { error: "Le code postal s'écrit avec 5 chiffres, par exemple 75011." };
    case "duration":
      return new RegExp(`^\\d{1,${MAX_DURATION_DIGITS}}$`).test(text) && Number(text) > 0
        ? { value: text }
        : { error: `La durée s'écrit en chiffres, ${MAX_DURATION_DIGITS} au plus, par exemple 12.` };
    default:
      return text.length > field.maxLength ? { error: tooLong(field, text.length, field.maxLength) } : { value: text };
  }
}

/**
 * Checks what a form of `section` sent, field by field then across fields, and returns the entry
 * in stored terms (trimmed texts, choices from the list, partial dates) or French messages keyed
 * by field. Anything not in the section's list of fields is ignored.
 */
export function parseEntry(section: EntrySection, values: SubmittedValues, { now }: { now: Date }): EntryParseResult {
  const form = ENTRY_FORMS[section];
  const entry: ParsedEntry = {};
  const fieldErrors: FieldErrors = {};
  const first = (name: string) => values[name]?.[0] ?? "";
  for (const field of form.fields) {
    switch (field.kind) {
      case "text": {
        const read = readText(field, first(field.name));
        if ("error" in read) fieldErrors[field.name] = [read.error];
        else entry[field.name] = read.value;
        break;
      }
      case "textarea": {
        // Line breaks are kept; only the ends are trimmed.
        const text = first(field.name).replace(/\r\n/g, "\n").trim();
        if (text.length > field.maxLength) fieldErrors[field.name] = [tooLong(field, text.length, field.maxLength)];
        else entry[field.name] = text || null;
        break;
      }
      case "partial-date": {
        const what = field.name === "start" ? "La date" : "La date de fin";
        const parsed = parsePartialDate(
          { day: first(`${field.name}Day`), month: first(`${field.name}Month`), year: first(`${field.name}Year`) },
          { what, now },
        );
        if (parsed.status === "invalid") fieldErrors[field.name] = [parsed.message];
        else if (parsed.status === "empty" && field.missing) fieldErrors[field.name] = [field.missing];
        else entry[field.name] = parsed.status === "valid" ? parsed.date : null;
        break;
      }
      case "select":
      case "radio": {
        const chosen = first(field.name);
        if (!chosen) {
          if (field.missing) fieldErrors[field.name] = [field.missing];
          else entry[field.name] = null;
        } else if (field.choices.some((choice) => choice.value === chosen)) entry[field.name] = chosen;
        else fieldErrors[field.name] = [`Choisissez une valeur de la liste « ${fieldLabel(field)} ».`];
        break;
      }
      case "checkboxes": {
        const chosen = [...new Set(values[field.name] ?? [])];
        if (chosen.some((value) => !field.choices.some((choice) => choice.value === value))) {
          fieldErrors[field.name] = [`Choisissez parmi les cases proposées pour « ${field.legend} ».`];
        } else if (chosen.length === 0 && field.missing) fieldErrors[field.name] = [field.missing];
        // In the order of the list, whatever order they came in.
        else entry[field.name] = field.choices.map((choice) => choice.value).filter((value) => chosen.includes(value));
        break;
      }
      case "checkbox":
        entry[field.name] = values[field.name] !== undefined && values[field.name]!.length > 0;
        break;
    }
  }
  if (Object.keys(fieldErrors).length > 0) return { success: false, fieldErrors };
  const crossErrors = form.check?.(entry) ?? {};
  if (Object.keys(crossErrors).length > 0) return { success: false, fieldErrors: crossErrors };
  return { success: true, entry };
}

/** The label of a stored choice, or the value itself when the list no longer has it. */
export function choiceLabel(choices: readonly Choice[], value: string | null): string | null {
  if (value === null) return null;
  return choices.find((choice) => choice.value === value)?.label ?? value;
}

/** "Groupe sanguin": the stored values and how they read. */
export const BLOOD_GROUPS: readonly Choice[] = [
  { value: "A+", label: "A positif (A+)" },
  { value: "A-", label: "A négatif (A−)" },
  { value: "B+", label: "B positif (B+)" },
  { value: "B-", label: "B négatif (B−)" },
  { value: "AB+", label: "AB positif (AB+)" },
  { value: "AB-", label: "AB négatif (AB−)" },
  { value: "O+", label: "O positif (O+)" },
  { value: "O-", label: "O négatif (O−)" },
];
