import { z } from "zod";
import type { FieldErrors } from "@/lib/form-state";
import { parisWallClockToInstant, toParisCalendarDate } from "@/lib/format";
import { fieldErrorsOf, parseFrenchDate } from "@/lib/validation";
import {
  BLOOD_PRESSURE,
  countTypedDecimals,
  describeRange,
  findMeasureKindBySlug,
  formatBound,
  HEIGHT,
  type MeasureField,
  type MeasureKind,
  parseFrenchDecimal,
  targetFractionDigits,
  targetRange,
} from "./measures";

/**
 * What the forms of "Mesures" send, checked and turned into what is stored: "Ajouter une mesure"
 * (type, value or systolic and diastolic, date, time) and the personal target. Pure, so that the
 * attack suite asks the same schema which inputs are refused.
 */

/** A measurement as typed, in stored units, at its instant. */
export type MeasurementInput = {
  kind: MeasureKind;
  /** The value, or the systolic pressure. */
  value: number;
  /** The diastolic pressure for blood pressure, null otherwise. */
  diastolicValue: number | null;
  measuredAt: Date;
};

export type ParseResult<T> = { success: true; data: T } | { success: false; fieldErrors: FieldErrors };

/** Longest text any field of these forms reads: anything longer is not a number, a date or a time. */
const MAX_FIELD_LENGTH = 20;

export const MEASUREMENT_MESSAGES = {
  missingType: "Choisissez le type de mesure.",
  computedType: "L'IMC ne se saisit pas : il est calculé à partir de votre dernière taille et de votre dernier poids. Ajoutez plutôt une taille ou un poids.",
  missingDate: "Saisissez la date de la mesure, au format JJ/MM/AAAA.",
  invalidDate: "La date doit être une date réelle au format JJ/MM/AAAA, par exemple 02/12/2026.",
  futureDate: "La date de la mesure ne peut pas être dans le futur.",
  missingTime: "Saisissez l'heure de la mesure, au format HH:MM.",
  invalidTime: "L'heure doit être au format HH:MM, par exemple 08:30.",
  futureTime: "L'heure de la mesure ne peut pas être dans le futur.",
  systolicNotAboveDiastolic: "La pression systolique doit être supérieure à la pression diastolique.",
} as const;

/** How each field's number is named in its messages. */
const FIELD_NOUNS: Record<MeasureField["name"], string> = {
  value: "la valeur",
  systolic: "la pression systolique",
  diastolic: "la pression diastolique",
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "1,68" for 1.68: a number as the person would type it. */
function formatTyped(value: number): string {
  return new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 3, useGrouping: false }).format(value);
}

/**
 * The likeliest slip for a kind, said plainly: a height typed in centimetres (168 for 1,68 m), a
 * glucose level in mg/dL (95 for 0,95 g/L). Null when the typed value is not such a slip.
 */
function explainSlip(kind: MeasureKind, typed: number): string | null {
  if (kind.code === HEIGHT.code && typed >= 30 && typed <= 250) {
    return `La taille se saisit en mètres : ${formatTyped(typed / 100)} pour ${formatTyped(typed)} cm.`;
  }
  if (kind.storedUnit === "mg/dL" && kind.displayUnit === "g/L" && typed >= 10 && typed <= 1000) {
    return `${capitalise(kind.label)} se saisit en g/L : ${formatTyped(typed / 100)} pour ${formatTyped(typed)} mg/dL.`;
  }
  return null;
}

/** The messages of one number typed for `kind`, within `range` and with at most `fractionDigits` decimals. */
function readNumber(
  kind: MeasureKind,
  input: string | undefined,
  {
    noun,
    isMasculine = false,
    range,
    fractionDigits,
    example,
  }: { noun: string; isMasculine?: boolean; range: { min: number; max: number }; fractionDigits: number; example: string },
): { value: number } | { error: string } {
  const text = (input ?? "").trim();
  if (!text) return { error: `Saisissez ${noun}, par exemple ${example}.` };
  const typed = parseFrenchDecimal(text, kind.displayUnit);
  if (typed === null) return { error: `Saisissez ${noun} en chiffres, par exemple ${example}.` };
  if (countTypedDecimals(text) > fractionDigits) {
    return {
      error:
        fractionDigits === 0
          ? `Saisissez ${noun} sans décimale, par exemple ${example}.`
          : `Saisissez ${noun} avec au plus ${fractionDigits} chiffre${fractionDigits > 1 ? "s" : ""} après la virgule, par exemple ${example}.`,
    };
  }
  if (typed < range.min || typed > range.max) {
    return { error: explainSlip(kind, typed) ?? `${capitalise(noun)} doit être ${isMasculine ? "compris" : "comprise"} ${describeRange(kind, range)}.` };
  }
  return { value: kind.toStored(typed) };
}

/** "08:30", "8:30", "8h30", "08 h 30" → [8, 30], or null. */
export function parseTime(input: string): [number, number] | null {
  const match = /^(\d{1,2})\s*[:hH]\s*(\d{2})$/.exec(input.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return [hours, minutes];
}

const rawMeasurementSchema = z.object({
  type: z.string().max(MAX_FIELD_LENGTH * 3).optional(),
  value: z.string().max(MAX_FIELD_LENGTH).optional(),
  systolic: z.string().max(MAX_FIELD_LENGTH).optional(),
  diastolic: z.string().max(MAX_FIELD_LENGTH).optional(),
  date: z.string().max(MAX_FIELD_LENGTH).optional(),
  time: z.string().max(MAX_FIELD_LENGTH).optional(),
});

/**
 * The "Ajouter une mesure" form: the type (its slug), its number or numbers, the date
 * (JJ/MM/AAAA, not in the future) and the time (HH:MM), read in Paris. French messages by field,
 * all of them at once, when anything is wrong.
 */
export function measurementSchema(now: Date) {
  return rawMeasurementSchema.transform((raw, context): MeasurementInput => {
    const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
    const kind = raw.type ? findMeasureKindBySlug(raw.type) : null;
    if (!kind) issue("type", MEASUREMENT_MESSAGES.missingType);
    else if (kind.isComputed) issue("type", MEASUREMENT_MESSAGES.computedType);

    const numbers: Partial<Record<MeasureField["name"], number>> = {};
    if (kind && !kind.isComputed) {
      for (const field of kind.fields) {
        const read = readNumber(kind, raw[field.name], { noun: FIELD_NOUNS[field.name], ...field });
        if ("error" in read) issue(field.name, read.error);
        else numbers[field.name] = read.value;
      }
      if (kind.code === BLOOD_PRESSURE.code && numbers.systolic !== undefined && numbers.diastolic !== undefined && numbers.systolic <= numbers.diastolic) {
        issue("systolic", MEASUREMENT_MESSAGES.systolicNotAboveDiastolic);
      }
    }

    const dateText = (raw.date ?? "").trim();
    const isoDate = dateText ? parseFrenchDate(dateText) : null;
    if (!dateText) issue("date", MEASUREMENT_MESSAGES.missingDate);
    else if (!isoDate) issue("date", MEASUREMENT_MESSAGES.invalidDate);
    else if (isoDate > toParisCalendarDate(now)) issue("date", MEASUREMENT_MESSAGES.futureDate);

    const timeText = (raw.time ?? "").trim();
    const time = timeText ? parseTime(timeText) : null;
    if (!timeText) issue("time", MEASUREMENT_MESSAGES.missingTime);
    else if (!time) issue("time", MEASUREMENT_MESSAGES.invalidTime);

    if (!kind || kind.isComputed || !isoDate || !time || context.issues.length > 0) return z.NEVER;
    const measuredAt = parisWallClockToInstant(isoDate, time[0], time[1]);
    // Today at a later time: the minute typed has not come yet.
    if (measuredAt.getTime() > now.getTime()) {
      issue("time", MEASUREMENT_MESSAGES.futureTime);
      return z.NEVER;
    }
    const value = numbers.value ?? numbers.systolic;
    if (value === undefined) return z.NEVER;
    return { kind, value, diastolicValue: numbers.diastolic ?? null, measuredAt };
  });
}

/** Checks what "Ajouter une mesure" sent, at `now` (a measure cannot be dated later). */
export function parseMeasurementInput(values: Record<string, unknown>, now: Date): ParseResult<MeasurementInput> {
  const parsed = measurementSchema(now).safeParse(values);
  if (!parsed.success) return { success: false, fieldErrors: fieldErrorsOf(parsed.error) };
  return { success: true, data: parsed.data };
}

/** Why a target cannot be typed for a kind (blood pressure has two numbers). */
export const NO_TARGET_MESSAGE = "Cette mesure ne peut pas avoir d'objectif.";

/** The personal target of `kind` as typed in "Objectif", in stored units. */
export function parseTargetInput(kind: MeasureKind, values: Record<string, unknown>): ParseResult<number> {
  const range = targetRange(kind);
  if (!range) return { success: false, fieldErrors: { target: [NO_TARGET_MESSAGE] } };
  const raw = z.object({ target: z.string().max(MAX_FIELD_LENGTH).optional() }).safeParse(values);
  if (!raw.success) return { success: false, fieldErrors: { target: [`Saisissez l'objectif en chiffres, ${describeRange(kind, range)}.`] } };
  const fractionDigits = targetFractionDigits(kind);
  const example = formatBound(Number(((range.min + range.max) / 2).toFixed(fractionDigits)));
  const read = readNumber(kind, raw.data.target, { noun: "l'objectif", isMasculine: true, range, fractionDigits, example });
  if ("error" in read) return { success: false, fieldErrors: { target: [read.error] } };
  return { success: true, data: read.value };
}
