import { describe, expect, it } from "vitest";
import { DEMO_ACTIVE_NIR, DEMO_LOGIN, DEMO_OPPOSED_NIR, DEMO_PARENT_NIR, DEMO_PEOPLE, buildDemoRegisterCsv } from "./demo-register";
import { isValidNir } from "./nir";
import { readRegisterFile } from "./register-file";

describe("demo register", () => {
  it("holds at least 22 people that the import accepts as they are", () => {
    expect(DEMO_PEOPLE.length).toBeGreaterThanOrEqual(22);
    const file = readRegisterFile(buildDemoRegisterCsv());
    expect(file.errors).toEqual([]);
    expect(file.parentsOutsideFile).toEqual([]);
    // Every value read back equals the one written (the demo people carry a scenario on top).
    expect(DEMO_PEOPLE).toMatchObject(file.entries.map((entry) => entry.person));
  });

  it("uses unique, valid NIRs and only fictional contact details", () => {
    const nirs = DEMO_PEOPLE.map((person) => person.nir);
    expect(new Set(nirs).size).toBe(nirs.length);
    for (const person of DEMO_PEOPLE) {
      expect(isValidNir(person.nir), person.nir).toBe(true);
      if (person.email) expect(person.email).toMatch(/@example\.(org|com)$/);
      if (person.mobile) expect(person.mobile).toMatch(/^\+3363998\d{4}$/);
      expect(person.postalAddress, person.nir).toBeTruthy();
      expect(person.scenario.length).toBeGreaterThan(5);
    }
    const mobiles = DEMO_PEOPLE.flatMap((person) => (person.mobile ? [person.mobile] : []));
    expect(new Set(mobiles).size).toBe(mobiles.length);
  });

  it("covers every situation the demonstration shows", () => {
    const some = (predicate: (person: (typeof DEMO_PEOPLE)[number]) => boolean) => DEMO_PEOPLE.filter(predicate).length;
    expect(some((person) => Boolean(person.email && person.mobile))).toBeGreaterThan(0);
    expect(some((person) => !person.email && Boolean(person.mobile))).toBeGreaterThan(0);
    expect(some((person) => !person.email && !person.mobile && person.guardianNirs.length === 0)).toBeGreaterThan(0);
    expect(some((person) => person.birthPlaceCode.startsWith("2A") && person.nir.slice(5, 7) === "2A")).toBeGreaterThan(0);
    expect(some((person) => person.birthPlaceCode.startsWith("2B") && person.nir.slice(5, 7) === "2B")).toBeGreaterThan(0);
    expect(some((person) => person.birthPlaceCode.startsWith("99") && person.nir.slice(5, 7) === "99")).toBeGreaterThan(0);
    expect(some((person) => person.guardianNirs.includes(DEMO_PARENT_NIR))).toBe(2);
    // A child attached to both parents, and one on their cards without a card of her own.
    expect(some((person) => person.guardianNirs.length === 2)).toBeGreaterThan(0);
    expect(some((person) => person.vitaleSerial === null && person.guardianNirs.length > 0)).toBeGreaterThan(0);
    expect(DEMO_PEOPLE.some((person) => person.nir === DEMO_OPPOSED_NIR)).toBe(true);
    const active = DEMO_PEOPLE.find((person) => person.nir === DEMO_ACTIVE_NIR);
    expect(active?.email).toBeTruthy();
    expect(active?.scenario).toContain(DEMO_LOGIN.identifier);
    expect(DEMO_LOGIN).toEqual({ identifier: "camille.martin", password: "Demo-Sante-2026!" });
  });
});
