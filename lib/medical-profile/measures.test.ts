import { describe, expect, it } from "vitest";
import { HEIGHT, findMeasureKind, formatMeasurement, metresToCentimetres, parseFrenchDecimal, WEIGHT } from "./measures";

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
