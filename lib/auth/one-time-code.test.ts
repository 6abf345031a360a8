import { describe, expect, it } from "vitest";
import { generateOneTimeCode, normalizeOneTimeCode } from "./one-time-code";

describe("generateOneTimeCode", () => {
  it("gives six digits, leading zeros included", () => {
    const codes = Array.from({ length: 20_000 }, generateOneTimeCode);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    // About 10 % of codes start with 0: padding must keep them six digits long.
    expect(codes.some((code) => code.startsWith("0"))).toBe(true);
  });

  it("draws every digit at every position about equally often", () => {
    const draws = 60_000;
    const counts = Array.from({ length: 6 }, () => new Array<number>(10).fill(0));
    for (let index = 0; index < draws; index += 1) {
      const code = generateOneTimeCode();
      for (let position = 0; position < 6; position += 1) {
        const row = counts[position] as number[];
        const digit = Number(code[position]);
        row[digit] = (row[digit] ?? 0) + 1;
      }
    }
    // Chi-square with 9 degrees of freedom; 27.88 is the 0.999 quantile, so a fair source fails
    // this only once in a thousand runs per position.
    const expected = draws / 10;
    for (const row of counts) {
      const chiSquare = row.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
      expect(chiSquare).toBeLessThan(27.88 * 1.5);
    }
  });

  it("rarely repeats itself", () => {
    const codes = new Set(Array.from({ length: 1_000 }, generateOneTimeCode));
    // 1,000 draws among 10^6: about 0.5 collisions expected.
    expect(codes.size).toBeGreaterThan(990);
  });
});

describe("normalizeOneTimeCode", () => {
  it("accepts six digits typed with spaces, dots or dashes", () => {
    expect(normalizeOneTimeCode("482913")).toBe("482913");
    expect(normalizeOneTimeCode(" 482 913 ")).toBe("482913");
    expect(normalizeOneTimeCode("482-913")).toBe("482913");
    expect(normalizeOneTimeCode("048.291")).toBe("048291");
  });

  it("refuses anything else", () => {
    for (const value of ["", "48291", "4829134", "48291a", "４８２９１３", "482913\n1", "abcdef"]) {
      expect(normalizeOneTimeCode(value)).toBeNull();
    }
  });
});
