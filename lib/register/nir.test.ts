import { describe, expect, it } from "vitest";
import {
  computeNirKey,
  describeNirProblem,
  formatNir,
  isValidNir,
  maskNir,
  messagingAddress,
  normalizeNir,
} from "./nir";

/** Small seeded generator (mulberry32) so that a failing NIR can be reproduced. */
function createRandom(seed: number): (max: number) => number {
  let state = seed;
  return (max) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * max);
  };
}

function digits(random: (max: number) => number, count: number): string {
  return Array.from({ length: count }, () => String(random(10))).join("");
}

function generateValidNir(random: (max: number) => number): string {
  const sex = String(1 + random(2));
  const year = digits(random, 2);
  const monthValue = random(2) === 0 ? 1 + random(12) : 20 + random(80);
  const month = String(monthValue).padStart(2, "0");
  const departmentChoice = random(6);
  const department = departmentChoice === 0 ? "2A" : departmentChoice === 1 ? "2B" : digits(random, 2);
  const body = sex + year + month + department + digits(random, 3) + digits(random, 3);
  const key = computeNirKey(body);
  if (!key) throw new Error(`generated a malformed body: ${body}`);
  return body + key;
}

const DIGITS = "0123456789".split("");
const DEPARTMENT_POSITIONS = new Set([5, 6]);

/** Every character that may stand at a position, plus letters that never may. */
function substitutesAt(position: number): string[] {
  const alphabet = DEPARTMENT_POSITIONS.has(position) ? [...DIGITS, "A", "B"] : DIGITS;
  return [...alphabet, "X", "Z", ...(DEPARTMENT_POSITIONS.has(position) ? [] : ["A"])];
}

describe("computeNirKey", () => {
  it("matches the worked examples", () => {
    expect(computeNirKey("2840588321025")).toBe("32");
    expect(computeNirKey("284052A321025")).toBe("52");
    expect(computeNirKey("284052B321025")).toBe("79");
  });

  it("pads keys below 10 and stays within 01–97", () => {
    const random = createRandom(7);
    for (let i = 0; i < 2000; i += 1) {
      const key = computeNirKey(generateValidNir(random).slice(0, 13));
      expect(key).toMatch(/^\d{2}$/);
      expect(Number(key)).toBeGreaterThanOrEqual(1);
      expect(Number(key)).toBeLessThanOrEqual(97);
    }
  });

  it("returns null for a malformed body", () => {
    expect(computeNirKey("284058832102")).toBeNull();
    expect(computeNirKey("28405883210255")).toBeNull();
    expect(computeNirKey("28405A8321025")).toBeNull();
    expect(computeNirKey("284052C321025")).toBeNull();
    expect(computeNirKey("284051A321025")).toBeNull();
    expect(computeNirKey("2 84 05 88 321 025")).toBeNull();
  });
});

describe("isValidNir", () => {
  it("accepts the worked examples", () => {
    expect(isValidNir("284058832102532")).toBe(true);
    expect(isValidNir("284052A32102552")).toBe(true);
    expect(isValidNir("284052B32102579")).toBe(true);
  });

  it("refuses a key of 00", () => {
    expect(isValidNir("255081416802500")).toBe(false);
    expect(describeNirProblem("255081416802500")).toBe("clé de contrôle incorrecte");
  });

  it("refuses what breaks the structure", () => {
    expect(describeNirProblem("38405883210253")).toBe("15 caractères attendus, 14 reçus");
    expect(describeNirProblem("384058832102532")).toBe("le premier chiffre doit être 1 ou 2");
    expect(describeNirProblem("284008832102532")).toBe("mois de naissance incorrect");
    expect(describeNirProblem("284158832102532")).toBe("mois de naissance incorrect");
    expect(describeNirProblem("28405883210253X")).toBe("caractère non autorisé");
    expect(describeNirProblem("284052a32102552")).toBe("caractère non autorisé");
  });

  it("accepts an unknown birth month (20–99)", () => {
    const body = "1752099123456";
    expect(isValidNir(body + computeNirKey(body))).toBe(true);
  });

  it("accepts generated NIRs and refuses every single-character change of them", () => {
    const random = createRandom(20260301);
    let corsicans = 0;
    for (let n = 0; n < 400; n += 1) {
      const nir = generateValidNir(random);
      if (nir.slice(5, 7) === "2A" || nir.slice(5, 7) === "2B") corsicans += 1;
      expect(isValidNir(nir), nir).toBe(true);
      for (let position = 0; position < nir.length; position += 1) {
        for (const substitute of substitutesAt(position)) {
          if (substitute === nir[position]) continue;
          const changed = nir.slice(0, position) + substitute + nir.slice(position + 1);
          expect(isValidNir(changed), `${nir} → ${changed}`).toBe(false);
        }
      }
    }
    expect(corsicans).toBeGreaterThan(50);
  });
});

describe("normalizeNir", () => {
  it("drops spaces, dots and dashes and upper-cases Corsica", () => {
    expect(normalizeNir(" 2 84 05 2a 321.025-52 ")).toBe("284052A32102552");
    expect(normalizeNir("2\t84 05\u00a088 321 025 32")).toBe("284058832102532");
  });
});

describe("display", () => {
  it("groups the NIR with spaces", () => {
    expect(formatNir("284058832102532")).toBe("2 84 05 88 321 025 32");
    expect(formatNir("284052A32102552")).toBe("2 84 05 2A 321 025 52");
  });

  it("masks all but sex, year and key", () => {
    expect(maskNir("284058832102532")).toBe("2 84 ** ** *** *** 32");
    expect(maskNir("2 84 05 2B 321 025 79")).toBe("2 84 ** ** *** *** 79");
  });

  it("builds the secure-messaging address from the 15 characters", () => {
    expect(messagingAddress("2 84 05 88 321 025 32")).toBe("284058832102532@patient.mssante.fr");
    expect(messagingAddress("284052a32102552")).toBe("284052A32102552@patient.mssante.fr");
  });
});
