import { describe, expect, it } from "vitest";
import {
  BLOOD_PRESSURE,
  BODY_MASS_INDEX,
  computeBodyMassIndex,
  describeRange,
  findMeasureKind,
  findMeasureKindBySlug,
  formatMeasurement,
  HEIGHT,
  MEASURE_KINDS,
  metresToCentimetres,
  parseFrenchDecimal,
  WEIGHT,
} from "./measures";

describe("parseFrenchDecimal", () => {
  it("reads a French decimal comma, a dot, spaces and the expected unit", () => {
    expect(parseFrenchDecimal("1,68")).toBe(1.68);
    expect(parseFrenchDecimal(" 1.68 ")).toBe(1.68);
    expect(parseFrenchDecimal("1,68 m", "m")).toBe(1.68);
    expect(parseFrenchDecimal("62 kg", "kg")).toBe(62);
    expect(parseFrenchDecimal("1 000")).toBe(1000);
  });

  it("refuses what is not a plain number", () => {
    for (const input of ["", "abc", "1,6,8", "-1", "1e2", ",5", "1,", "1,2345", "62 kg"]) {
      expect(parseFrenchDecimal(input), input).toBeNull();
    }
  });
});

describe("formatMeasurement", () => {
  it("shows a height stored in centimetres in metres", () => {
    expect(formatMeasurement(HEIGHT, 168)).toBe("1,68 m");
    expect(formatMeasurement(HEIGHT, 168.5)).toBe("1,685 m");
    expect(formatMeasurement(HEIGHT, 50)).toBe("0,50 m");
  });

  it("shows a weight in kilograms without useless decimals", () => {
    expect(formatMeasurement(WEIGHT, 62)).toBe("62 kg");
    expect(formatMeasurement(WEIGHT, 62.5)).toBe("62,5 kg");
  });

  it("shows blood glucose stored in mg/dL in g/L", () => {
    expect(formatMeasurement(findMeasureKind("2345-7")!, 95)).toBe("0,95 g/L");
  });
});

describe("metresToCentimetres", () => {
  it("converts without floating-point noise", () => {
    expect(metresToCentimetres(1.68)).toBe(168);
    expect(metresToCentimetres(1.685)).toBe(168.5);
    expect(metresToCentimetres(0.3)).toBe(30);
  });
});

describe("the kinds of measurement", () => {
  it("are exactly the types of the « Type de mesure » list, in its order (SPEC §9)", () => {
    expect(MEASURE_KINDS.map((kind) => kind.label)).toEqual([
      "Poids",
      "Taille",
      "IMC",
      "Périmètre crânien",
      "Tour de taille",
      "Température",
      "Glycémie",
      "Taux de glucose interstitiel",
      "HbA1c",
      "Indicateur de gestion du glucose",
      "Tension artérielle",
      "Fréquence cardiaque",
      "Niveau de douleur",
      "Nombre de pas",
    ]);
    expect(new Set(MEASURE_KINDS.map((kind) => kind.code)).size).toBe(MEASURE_KINDS.length);
    expect(new Set(MEASURE_KINDS.map((kind) => kind.slug)).size).toBe(MEASURE_KINDS.length);
    for (const kind of MEASURE_KINDS) expect(findMeasureKindBySlug(kind.slug)).toBe(kind);
  });

  it("ask for a value, two pressures for blood pressure, and nothing for the computed IMC", () => {
    expect(BLOOD_PRESSURE.fields.map((field) => field.label)).toEqual(["Systolique", "Diastolique"]);
    expect(BODY_MASS_INDEX.fields).toEqual([]);
    expect(BODY_MASS_INDEX.isComputed).toBe(true);
    for (const kind of MEASURE_KINDS.filter((candidate) => !candidate.isComputed && candidate !== BLOOD_PRESSURE)) {
      expect(kind.fields.map((field) => field.label), kind.label).toEqual(["Valeur"]);
    }
    // Whole mmHg of three digits at most (mes-data-model §2.3).
    for (const field of BLOOD_PRESSURE.fields) expect(field.range.max).toBeLessThan(1000);
  });

  it("show blood pressure as systolic/diastolic and counts of steps grouped", () => {
    expect(formatMeasurement(BLOOD_PRESSURE, 128, 84)).toBe("128/84 mmHg");
    expect(formatMeasurement(findMeasureKindBySlug("nombre-de-pas")!, 12500)).toBe("12\u202f500 pas");
    expect(formatMeasurement(findMeasureKindBySlug("temperature")!, 37)).toBe("37,0 °C");
  });

  it("say a range in the unit people type, a score without a unit", () => {
    expect(describeRange(HEIGHT, HEIGHT.fields[0]!.range)).toBe("entre 0,3 m et 2,5 m");
    const pain = findMeasureKindBySlug("douleur")!;
    expect(describeRange(pain, pain.fields[0]!.range)).toBe("entre 0 et 10");
  });
});

describe("computeBodyMassIndex", () => {
  it("divides the weight by the square of the height in metres, to one decimal", () => {
    expect(computeBodyMassIndex(62, 168)).toBe(22);
    expect(computeBodyMassIndex(70, 175)).toBe(22.9);
    expect(computeBodyMassIndex(95.5, 180)).toBe(29.5);
  });
});
