import { describe, expect, it } from "vitest";
import { describeRppsProblem, isValidRpps, luhnCheckDigit, normalizeRpps } from "./rpps";

describe("RPPS numbers", () => {
  it("accepts eleven digits whose last is the Luhn check digit of the first ten", () => {
    // 1000000000: the check digit will be doubled-position 0, so the leading 1 (position 9) is not
    // doubled: Luhn sum 1, check digit 9.
    expect(luhnCheckDigit("1000000000")).toBe("9");
    expect(isValidRpps("10000000009")).toBe(true);
    // 0000000001: the 1 is doubled, sum 2, check digit 8.
    expect(isValidRpps("00000000018")).toBe(true);
  });

  it("refuses a wrong check digit, with the reason", () => {
    expect(describeRppsProblem("10000000008")).toBe("chiffre de contrôle incorrect");
    for (let digit = 0; digit <= 9; digit++) {
      expect(isValidRpps(`1000000000${digit}`)).toBe(digit === 9);
    }
  });

  it("refuses every single-digit typo of a valid number", () => {
    const valid = `1234567890${luhnCheckDigit("1234567890")}`;
    expect(isValidRpps(valid)).toBe(true);
    for (let position = 0; position < valid.length; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === valid[position]) continue;
        const typo = `${valid.slice(0, position)}${digit}${valid.slice(position + 1)}`;
        expect(isValidRpps(typo)).toBe(false);
      }
    }
  });

  it("refuses a wrong length or anything but digits", () => {
    expect(describeRppsProblem("1000000009")).toBe("11 chiffres attendus, 10 trouvés");
    expect(describeRppsProblem("100000000090")).toBe("11 chiffres attendus, 12 trouvés");
    expect(describeRppsProblem("1000000000A")).toBe("chiffres uniquement");
    expect(describeRppsProblem("")).toBe("chiffres uniquement");
  });

  it("drops the spaces people type between groups", () => {
    expect(normalizeRpps(" 100 000 000 09 ")).toBe("10000000009");
  });
});
