import { describe, expect, it } from "vitest";
import { parisWallClockToInstant } from "@/lib/format";
import { MEASUREMENT_MESSAGES, parseMeasurementInput, parseTargetInput, parseTime } from "./measures-input";
import { BLOOD_PRESSURE, BODY_MASS_INDEX, findMeasureKindBySlug, HEIGHT, MEASURE_KINDS, WEIGHT } from "./measures";

/** A winter afternoon in Paris (UTC+1). */
const NOW = new Date("2026-12-02T15:00:00Z");

function errorsOf(values: Record<string, string>) {
  const result = parseMeasurementInput(values, NOW);
  return result.success ? {} : result.fieldErrors;
}

describe("parseMeasurementInput", () => {
  it("reads a weight typed with a decimal comma at a time in Paris", () => {
    expect(parseMeasurementInput({ type: "poids", value: "62,5", date: "02/12/2026", time: "08:30" }, NOW)).toEqual({
      success: true,
      data: { kind: WEIGHT, value: 62.5, diastolicValue: null, measuredAt: new Date("2026-12-02T07:30:00Z") },
    });
  });

  it("stores a height typed in metres in centimetres, and explains a height typed in centimetres", () => {
    const result = parseMeasurementInput({ type: "taille", value: "1,68", date: "01/12/2026", time: "9h05" }, NOW);
    expect(result.success && result.data).toMatchObject({ kind: HEIGHT, value: 168 });
    expect(errorsOf({ type: "taille", value: "168", date: "01/12/2026", time: "09:05" })).toEqual({
      value: ["La taille se saisit en mètres : 1,68 pour 168 cm."],
    });
  });

  it("reads blood pressure as two whole pressures, the systolic above the diastolic", () => {
    const result = parseMeasurementInput({ type: "tension-arterielle", systolic: "128", diastolic: "84", date: "02/12/2026", time: "07:00" }, NOW);
    expect(result.success && result.data).toMatchObject({ kind: BLOOD_PRESSURE, value: 128, diastolicValue: 84 });
    expect(errorsOf({ type: "tension-arterielle", systolic: "80", diastolic: "120", date: "02/12/2026", time: "07:00" })).toEqual({
      systolic: [MEASUREMENT_MESSAGES.systolicNotAboveDiastolic],
    });
    expect(errorsOf({ type: "tension-arterielle", systolic: "80", diastolic: "80", date: "02/12/2026", time: "07:00" })).toEqual({
      systolic: [MEASUREMENT_MESSAGES.systolicNotAboveDiastolic],
    });
    expect(errorsOf({ type: "tension-arterielle", systolic: "1200", diastolic: "12,5", date: "02/12/2026", time: "07:00" })).toEqual({
      systolic: ["La pression systolique doit être comprise entre 40 mmHg et 300 mmHg."],
      diastolic: ["Saisissez la pression diastolique sans décimale, par exemple 80."],
    });
  });

  it("refuses every kind's value just outside its range and accepts its bounds", () => {
    for (const kind of MEASURE_KINDS.filter((candidate) => !candidate.isComputed)) {
      const format = (value: number) => String(value).replace(".", ",");
      const valuesAt = (pick: (range: { min: number; max: number }) => number) =>
        Object.fromEntries(kind.fields.map((field) => [field.name, format(pick(field.range))]));
      const at = { type: kind.slug, date: "01/12/2026", time: "10:00" };
      // Blood pressure's bounds overlap: the systolic at its maximum, the diastolic at its minimum.
      const lowest = kind === BLOOD_PRESSURE ? { systolic: "300", diastolic: "20" } : valuesAt((range) => range.min);
      const highest = kind === BLOOD_PRESSURE ? { systolic: "300", diastolic: "20" } : valuesAt((range) => range.max);
      expect(parseMeasurementInput({ ...at, ...lowest }, NOW).success, `${kind.label} at its minimum`).toBe(true);
      expect(parseMeasurementInput({ ...at, ...highest }, NOW).success, `${kind.label} at its maximum`).toBe(true);
      for (const field of kind.fields) {
        const step = 10 ** -field.fractionDigits;
        const tooHigh = Number((field.range.max + step).toFixed(field.fractionDigits));
        const errors = errorsOf({ ...at, ...highest, [field.name]: format(tooHigh) });
        expect(errors[field.name], `${kind.label} ${field.name} at ${tooHigh}`).toHaveLength(1);
        if (field.range.min > 0) {
          const tooLow = Number((field.range.min - step).toFixed(field.fractionDigits));
          expect(errorsOf({ ...at, ...lowest, [field.name]: format(tooLow) })[field.name], `${kind.label} at ${tooLow}`).toHaveLength(1);
        }
      }
    }
  });

  it("says what is wrong with each field in French, all at once", () => {
    expect(errorsOf({ type: "", date: "", time: "" })).toEqual({
      type: [MEASUREMENT_MESSAGES.missingType],
      date: [MEASUREMENT_MESSAGES.missingDate],
      time: [MEASUREMENT_MESSAGES.missingTime],
    });
    expect(errorsOf({ type: "poids", value: "soixante", date: "31/02/2026", time: "25:00" })).toEqual({
      value: ["Saisissez la valeur en chiffres, par exemple 62,5."],
      date: [MEASUREMENT_MESSAGES.invalidDate],
      time: [MEASUREMENT_MESSAGES.invalidTime],
    });
    expect(errorsOf({ type: "douleur", value: "3,5", date: "01/12/2026", time: "10:00" })).toEqual({
      value: ["Saisissez la valeur sans décimale, par exemple 3."],
    });
    expect(errorsOf({ type: "glycemie", value: "95", date: "01/12/2026", time: "10:00" })).toEqual({
      value: ["Glycémie se saisit en g/L : 0,95 pour 95 mg/dL."],
    });
  });

  it("refuses IMC, which is computed, and an unknown type", () => {
    expect(errorsOf({ type: BODY_MASS_INDEX.slug, value: "22", date: "01/12/2026", time: "10:00" })).toEqual({
      type: [MEASUREMENT_MESSAGES.computedType],
    });
    expect(errorsOf({ type: "cholesterol", value: "2", date: "01/12/2026", time: "10:00" })).toEqual({ type: [MEASUREMENT_MESSAGES.missingType] });
  });

  it("refuses a date or a time in the future, and accepts the minute that has come", () => {
    expect(errorsOf({ type: "poids", value: "62", date: "03/12/2026", time: "08:00" })).toEqual({ date: [MEASUREMENT_MESSAGES.futureDate] });
    // 16:01 in Paris is 15:01 UTC, a minute after NOW.
    expect(errorsOf({ type: "poids", value: "62", date: "02/12/2026", time: "16:01" })).toEqual({ time: [MEASUREMENT_MESSAGES.futureTime] });
    expect(parseMeasurementInput({ type: "poids", value: "62", date: "02/12/2026", time: "16:00" }, NOW).success).toBe(true);
  });

  it("refuses what is too long to be a number, a date or a time, without reading it", () => {
    expect(parseMeasurementInput({ type: "poids", value: "6".repeat(500), date: "01/12/2026", time: "10:00" }, NOW).success).toBe(false);
    expect(parseMeasurementInput({ type: ["poids"] as unknown as string, value: "62" }, NOW).success).toBe(false);
  });
});

describe("parisWallClockToInstant and parseTime", () => {
  it("reads a time in Paris in winter and in summer", () => {
    expect(parisWallClockToInstant("2026-01-15", 8, 0)).toEqual(new Date("2026-01-15T07:00:00Z"));
    expect(parisWallClockToInstant("2026-07-15", 8, 0)).toEqual(new Date("2026-07-15T06:00:00Z"));
    // The night clocks go back (25 October 2026), and the night they go forward (29 March 2026).
    expect(parisWallClockToInstant("2026-10-25", 12, 0)).toEqual(new Date("2026-10-25T11:00:00Z"));
    expect(parisWallClockToInstant("2026-03-29", 12, 0)).toEqual(new Date("2026-03-29T10:00:00Z"));
  });

  it("accepts 08:30, 8:30 and 8h30, and refuses impossible times", () => {
    expect(parseTime("08:30")).toEqual([8, 30]);
    expect(parseTime("8:30")).toEqual([8, 30]);
    expect(parseTime("8h30")).toEqual([8, 30]);
    for (const input of ["24:00", "12:60", "1230", "midi", ""]) expect(parseTime(input), input).toBeNull();
  });
});

describe("parseTargetInput", () => {
  it("reads a target in the unit people type, within the measure's range", () => {
    expect(parseTargetInput(WEIGHT, { target: "60" })).toEqual({ success: true, data: 60 });
    expect(parseTargetInput(HEIGHT, { target: "1,70" })).toEqual({ success: true, data: 170 });
    expect(parseTargetInput(findMeasureKindBySlug("hba1c")!, { target: "6,5" })).toEqual({ success: true, data: 6.5 });
    expect(parseTargetInput(BODY_MASS_INDEX, { target: "22,5" })).toEqual({ success: true, data: 22.5 });
    expect(parseTargetInput(WEIGHT, { target: "1000" })).toEqual({
      success: false,
      fieldErrors: { target: ["L'objectif doit être compris entre 0,3 kg et 400 kg."] },
    });
    expect(parseTargetInput(WEIGHT, {}).success).toBe(false);
  });

  it("has no target for blood pressure, which has two numbers", () => {
    expect(parseTargetInput(BLOOD_PRESSURE, { target: "120" }).success).toBe(false);
  });
});
