/**
 * Kinds of measurement ("Mesures", SPEC §6; reference mes-data-model §2.3): LOINC code, the UCUM
 * unit the value is stored in, how a person reads and types it, and the plausible range of what
 * they may type. Pure: shared by the server's validation, the forms and the pages.
 */

/** Bounds, inclusive, in the unit people type (metres for a height, g/L for a glucose level). */
export type MeasureRange = { min: number; max: number };

/** One number a person types for a measure: "Valeur", or "Systolique" and "Diastolique". */
export type MeasureField = {
  /** The form field's name. */
  name: "value" | "systolic" | "diastolic";
  /** The field's accessible name (SPEC §9). */
  label: string;
  range: MeasureRange;
  /** Decimals accepted when typed: 0 for counts and scores. */
  fractionDigits: number;
  /** An example in the unit people type, for the hint. */
  example: string;
};

export type MeasureKind = {
  /** The segment of /profil-medical/mesures/<slug>. */
  slug: string;
  /** LOINC code of the stored observation (the panel's for blood pressure). */
  code: string;
  /** The name of the measure, as the "Type de mesure" list says it (SPEC §9). */
  label: string;
  /** UCUM unit of the stored value. */
  storedUnit: string;
  /** The unit people read and type. */
  displayUnit: string;
  /** Stored value → displayed value (height: cm → m). */
  toDisplay: (stored: number) => number;
  /** Typed value → stored value (height: m → cm), without floating-point noise. */
  toStored: (typed: number) => number;
  minimumFractionDigits: number;
  maximumFractionDigits: number;
  /** What a person types; empty for a computed measure (IMC). */
  fields: MeasureField[];
  /** Computed by the service from other measures, never typed (IMC). */
  isComputed: boolean;
};

const same = (value: number) => value;

/** Rounds to `digits` decimals, so that a conversion leaves no floating-point noise (1,68 m → 168, not 168.00000000000003). */
function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Metres to centimetres without floating-point noise (1,68 m → 168, not 168.00000000000003). */
export function metresToCentimetres(metres: number): number {
  return roundTo(metres * 100, 3);
}

const valueField = (range: MeasureRange, fractionDigits: number, example: string): MeasureField[] => [
  { name: "value", label: "Valeur", range, fractionDigits, example },
];

function kind(definition: Omit<MeasureKind, "toDisplay" | "toStored" | "isComputed"> & Partial<Pick<MeasureKind, "toDisplay" | "toStored" | "isComputed">>): MeasureKind {
  return { toDisplay: same, toStored: same, isComputed: false, ...definition };
}

/*
 * The ranges refuse slips (a height typed in centimetres, a temperature in Fahrenheit, a digit too
 * many), not unusual values: each bound sits beyond what a home device or a care record shows for
 * a living person, newborns (including very premature ones) included.
 */

export const WEIGHT = kind({
  slug: "poids",
  code: "29463-7",
  label: "Poids",
  storedUnit: "kg",
  displayUnit: "kg",
  minimumFractionDigits: 0,
  maximumFractionDigits: 3,
  // A very premature newborn weighs from about 0,4 kg; few scales weigh beyond 400 kg.
  fields: valueField({ min: 0.3, max: 400 }, 3, "62,5"),
});

export const HEIGHT = kind({
  slug: "taille",
  code: "8302-2",
  label: "Taille",
  storedUnit: "cm",
  displayUnit: "m",
  toDisplay: (centimetres) => centimetres / 100,
  toStored: metresToCentimetres,
  minimumFractionDigits: 2,
  maximumFractionDigits: 3,
  // A very premature newborn measures about 0,30 m; the tallest people measured stay below 2,50 m.
  fields: valueField({ min: 0.3, max: 2.5 }, 3, "1,68"),
});

export const BODY_MASS_INDEX = kind({
  slug: "imc",
  code: "39156-5",
  label: "IMC",
  storedUnit: "kg/m2",
  displayUnit: "kg/m²",
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  fields: [],
  isComputed: true,
});

export const BLOOD_PRESSURE = kind({
  slug: "tension-arterielle",
  code: "85354-9",
  label: "Tension artérielle",
  storedUnit: "mm[Hg]",
  displayUnit: "mmHg",
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
  // Whole millimetres of mercury, three digits at most (mes-data-model §2.3); the bounds hold
  // shock (systolic about 50) to hypertensive crisis (beyond 250), and a newborn's diastolic (about 20).
  fields: [
    { name: "systolic", label: "Systolique", range: { min: 40, max: 300 }, fractionDigits: 0, example: "120" },
    { name: "diastolic", label: "Diastolique", range: { min: 20, max: 200 }, fractionDigits: 0, example: "80" },
  ],
});

/** LOINC codes of blood pressure's two metrics, for what is exchanged with other systems. */
export const BLOOD_PRESSURE_METRIC_CODES = { systolic: "8480-6", diastolic: "8462-4" } as const;

/** Every kind, in the order of the "Type de mesure" list (SPEC §9) and of the pages. */
export const MEASURE_KINDS: MeasureKind[] = [
  WEIGHT,
  HEIGHT,
  BODY_MASS_INDEX,
  kind({
    slug: "perimetre-cranien",
    code: "9843-4",
    label: "Périmètre crânien",
    storedUnit: "cm",
    displayUnit: "cm",
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
    // About 20 cm for a very premature newborn, rarely beyond 65 cm for an adult.
    fields: valueField({ min: 15, max: 75 }, 1, "35,5"),
  }),
  kind({
    slug: "tour-de-taille",
    code: "8280-0",
    label: "Tour de taille",
    storedUnit: "cm",
    displayUnit: "cm",
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
    // About 25 cm for a newborn; severe obesity goes beyond 200 cm.
    fields: valueField({ min: 20, max: 300 }, 1, "80"),
  }),
  kind({
    slug: "temperature",
    code: "8310-5",
    label: "Température",
    storedUnit: "Cel",
    displayUnit: "°C",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    // Below 30 °C is deep hypothermia, measured in hospital; beyond 45 °C no one survives.
    // 98,6 typed in Fahrenheit is refused rather than stored as a fever.
    fields: valueField({ min: 30, max: 45 }, 1, "37,2"),
  }),
  kind({
    slug: "glycemie",
    code: "2345-7",
    label: "Glycémie",
    storedUnit: "mg/dL",
    displayUnit: "g/L",
    toDisplay: (milligramsPerDecilitre) => milligramsPerDecilitre / 100,
    toStored: (gramsPerLitre) => roundTo(gramsPerLitre * 100, 1),
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    // Meters read from about 0,20 g/L (severe hypoglycaemia) to 6 g/L; 10 g/L leaves room for a
    // laboratory's hyperosmolar reading and refuses a value typed in mg/dL (95 for 0,95).
    fields: valueField({ min: 0.1, max: 10 }, 2, "0,95"),
  }),
  kind({
    slug: "glucose-interstitiel",
    code: "99504-3",
    label: "Taux de glucose interstitiel",
    storedUnit: "mg/dL",
    displayUnit: "g/L",
    toDisplay: (milligramsPerDecilitre) => milligramsPerDecilitre / 100,
    toStored: (gramsPerLitre) => roundTo(gramsPerLitre * 100, 1),
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    // Continuous glucose sensors report from 0,40 to 4 or 5 g/L (40–500 mg/dL) and show "LO"/"HI" beyond.
    fields: valueField({ min: 0.4, max: 5 }, 2, "1,10"),
  }),
  kind({
    slug: "hba1c",
    code: "4548-4",
    label: "HbA1c",
    storedUnit: "%",
    displayUnit: "%",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    // Laboratory assays report about 4 % to 18 %; outside 3–20 % the result is not a usable HbA1c.
    fields: valueField({ min: 3, max: 20 }, 1, "6,5"),
  }),
  kind({
    slug: "indicateur-gestion-glucose",
    code: "97506-0",
    label: "Indicateur de gestion du glucose",
    storedUnit: "%",
    displayUnit: "%",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    // GMI = 3,31 + 0,02392 × mean glucose in mg/dL: a sensor's 40–500 mg/dL gives 4,3 % to 15,3 %.
    fields: valueField({ min: 4, max: 16 }, 1, "6,8"),
  }),
  BLOOD_PRESSURE,
  kind({
    slug: "frequence-cardiaque",
    code: "8867-4",
    label: "Fréquence cardiaque",
    storedUnit: "/min",
    displayUnit: "battements/min",
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
    // Below 20 the heart is in arrest; a newborn's or an arrhythmia's rate stays below 300.
    fields: valueField({ min: 20, max: 300 }, 0, "72"),
  }),
  kind({
    slug: "douleur",
    code: "72514-3",
    label: "Niveau de douleur",
    storedUnit: "{score}",
    displayUnit: "/ 10",
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
    // The numeric rating scale: 0 (no pain) to 10 (the worst imaginable), whole numbers.
    fields: valueField({ min: 0, max: 10 }, 0, "3"),
  }),
  kind({
    slug: "nombre-de-pas",
    code: "41950-7",
    label: "Nombre de pas",
    storedUnit: "1/(24.h)",
    displayUnit: "pas",
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
    // Steps in a day: an ultramarathon is about 100 000; 200 000 leaves room and refuses a digit too many.
    fields: valueField({ min: 0, max: 200_000 }, 0, "8000"),
  }),
];

/** The kinds a person types (everything but IMC), in the list's order. */
export const TYPED_MEASURE_KINDS = MEASURE_KINDS.filter((candidate) => !candidate.isComputed);

export function findMeasureKind(code: string): MeasureKind | null {
  return MEASURE_KINDS.find((candidate) => candidate.code === code) ?? null;
}

export function findMeasureKindBySlug(slug: string): MeasureKind | null {
  return MEASURE_KINDS.find((candidate) => candidate.slug === slug) ?? null;
}

/** A stored value in the unit people read, French digits, without the unit ("1,68", "62,5"). */
export function formatMeasureNumber(kind: MeasureKind, storedValue: number): string {
  return new Intl.NumberFormat("fr-FR", {
    minimumFractionDigits: kind.minimumFractionDigits,
    maximumFractionDigits: kind.maximumFractionDigits,
    // "8 000 pas" reads better grouped; a height or a weight is never that long.
    useGrouping: kind.storedUnit === "1/(24.h)",
  }).format(kind.toDisplay(storedValue));
}

/** "1,68 m" for 168 cm, "62 kg", "62,5 kg", "120/80 mmHg": French digits in the unit people read. */
export function formatMeasurement(kind: MeasureKind, storedValue: number, diastolicValue?: number | null): string {
  const number = formatMeasureNumber(kind, storedValue);
  if (kind.code === BLOOD_PRESSURE.code && diastolicValue != null) {
    return `${number}/${formatMeasureNumber(kind, diastolicValue)} ${kind.displayUnit}`;
  }
  return `${number} ${kind.displayUnit}`;
}

/** Digits with at most three decimals, a French comma or a dot; spaces anywhere are ignored. */
const DECIMAL = /^(\d+)(?:[.,](\d{1,3}))?$/;

/**
 * A number as a French user types it ("1,68", "62.5", " 70 "), or null when it is not one.
 * A unit typed after it ("1,68 m", "62 kg") is accepted when it is the expected one.
 */
export function parseFrenchDecimal(input: string, unit?: string): number | null {
  let compact = input.replace(/\s/g, "");
  if (unit && compact.toLowerCase().endsWith(unit.toLowerCase())) compact = compact.slice(0, -unit.length);
  const match = DECIMAL.exec(compact);
  if (!match) return null;
  return Number(`${match[1]}.${match[2] ?? "0"}`);
}

/** How many decimals a typed number has ("62,50" → 2), read as typed. */
export function countTypedDecimals(input: string): number {
  const match = /[.,](\d+)/.exec(input.replace(/\s/g, ""));
  return match?.[1]?.length ?? 0;
}

/** A bound in French digits, as people type it ("0,3", "200 000"). */
export function formatBound(value: number): string {
  return new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 3 }).format(value);
}

/** "entre 0,3 m et 2,5 m", the range sentence every message about a field uses. */
export function describeRange(kind: MeasureKind, range: MeasureRange): string {
  // A score ("/ 10") reads as its bare numbers: "entre 0 et 10".
  const unit = kind.displayUnit.startsWith("/") ? "" : ` ${kind.displayUnit}`;
  return `entre ${formatBound(range.min)}${unit} et ${formatBound(range.max)}${unit}`;
}

/**
 * Body mass index from a weight in kilograms and a height in centimetres, to one decimal as it is
 * shown: weight / height², the height in metres.
 */
export function computeBodyMassIndex(weightKilograms: number, heightCentimetres: number): number {
  const metres = heightCentimetres / 100;
  return roundTo(weightKilograms / (metres * metres), 1);
}

/**
 * Bounds of a personal target ("objectif"), in the unit people type: those of the measure itself,
 * and for IMC the values a body mass index takes in practice.
 */
export function targetRange(kind: MeasureKind): MeasureRange | null {
  if (kind.isComputed) return { min: 10, max: 60 };
  if (kind.fields.length !== 1) return null;
  return kind.fields[0]!.range;
}

/** Whether a person may set a target for this measure: every measure with a single number (not blood pressure). */
export function acceptsTarget(kind: MeasureKind): boolean {
  return targetRange(kind) !== null;
}

/** Decimals a target may have: those of its measure's value, and one for IMC. */
export function targetFractionDigits(kind: MeasureKind): number {
  return kind.isComputed ? 1 : (kind.fields[0]?.fractionDigits ?? 0);
}
