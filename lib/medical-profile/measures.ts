/**
 * Kinds of measurement: LOINC code, the UCUM unit the value is stored in, and how a person reads
 * it. Pure: shared by the server's validation and the pages.
 */
export type MeasureKind = {
  code: string;
  label: string;
  /** UCUM unit of the stored value. */
  storedUnit: string;
  /** The unit people read and type. */
  displayUnit: string;
  /** Stored value → displayed value (height: cm → m). */
  toDisplay: (stored: number) => number;
  minimumFractionDigits: number;
  maximumFractionDigits: number;
};

const same = (value: number) => value;

export const HEIGHT: MeasureKind = {
  code: "8302-2",
  label: "Taille",
  storedUnit: "cm",
  displayUnit: "m",
  toDisplay: (centimetres) => centimetres / 100,
  minimumFractionDigits: 2,
  maximumFractionDigits: 3,
};

export const WEIGHT: MeasureKind = {
  code: "29463-7",
  label: "Poids",
  storedUnit: "kg",
  displayUnit: "kg",
  toDisplay: same,
  minimumFractionDigits: 0,
  maximumFractionDigits: 3,
};

/** Every kind the profile knows how to show, in the order of the page. */
export const MEASURE_KINDS: MeasureKind[] = [
  HEIGHT,
  WEIGHT,
  {
    code: "39156-5",
    label: "Indice de masse corporelle (IMC)",
    storedUnit: "kg/m2",
    displayUnit: "kg/m²",
    toDisplay: same,
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  },
  { code: "8310-5", label: "Température", storedUnit: "Cel", displayUnit: "°C", toDisplay: same, minimumFractionDigits: 0, maximumFractionDigits: 1 },
  { code: "8867-4", label: "Fréquence cardiaque", storedUnit: "/min", displayUnit: "battements/min", toDisplay: same, minimumFractionDigits: 0, maximumFractionDigits: 0 },
  {
    code: "2345-7",
    label: "Glycémie",
    storedUnit: "mg/dL",
    displayUnit: "g/L",
    toDisplay: (milligramsPerDecilitre) => milligramsPerDecilitre / 100,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  },
  { code: "4548-4", label: "Hémoglobine glyquée (HbA1c)", storedUnit: "%", displayUnit: "%", toDisplay: same, minimumFractionDigits: 0, maximumFractionDigits: 1 },
  { code: "9843-4", label: "Périmètre crânien", storedUnit: "cm", displayUnit: "cm", toDisplay: same, minimumFractionDigits: 0, maximumFractionDigits: 1 },
  { code: "8280-0", label: "Tour de taille", storedUnit: "cm", displayUnit: "cm", toDisplay: same, minimumFractionDigits: 0, maximumFractionDigits: 1 },
  { code: "41950-7", label: "Nombre de pas par jour", storedUnit: "1/(24.h)", displayUnit: "pas", toDisplay: same, minimumFractionDigits: 0, maximumFractionDigits: 0 },
  { code: "72514-3", label: "Douleur", storedUnit: "{score}", displayUnit: "/ 10", toDisplay: same, minimumFractionDigits: 0, maximumFractionDigits: 0 },
];

export function findMeasureKind(code: string): MeasureKind | null {
  return MEASURE_KINDS.find((kind) => kind.code === code) ?? null;
}

/** "1,68 m" for 168 cm, "62 kg", "62,5 kg": French digits in the unit people read. */
export function formatMeasurement(kind: MeasureKind, storedValue: number): string {
  const number = new Intl.NumberFormat("fr-FR", {
    minimumFractionDigits: kind.minimumFractionDigits,
    maximumFractionDigits: kind.maximumFractionDigits,
    useGrouping: false,
  }).format(kind.toDisplay(storedValue));
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

/** Metres to centimetres without floating-point noise (1,68 m → 168, not 168.00000000000003). */
export function metresToCentimetres(metres: number): number {
  return Math.round(metres * 100_000) / 1000;
}
