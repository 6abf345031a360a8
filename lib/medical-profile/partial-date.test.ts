import { describe, expect, it } from "vitest";
import { formatPartialDate, isPartialDateOrderPossible, parsePartialDate } from "./partial-date";

const now = new Date("2026-12-02T10:00:00Z");
const parse = (fields: { day?: string; month?: string; year?: string }) => parsePartialDate(fields, { what: "La date", now });

describe("partial dates of the medical profile", () => {
  it("reads a year alone, a month and year, or a whole date, and writes them in French", () => {
    const dates = [{ year: "2019" }, { month: "3", year: "2019" }, { day: "12", month: "3", year: "2019" }, { day: "1", month: "3", year: "2019" }].map(
      (fields) => {
        const parsed = parse(fields);
        if (parsed.status !== "valid") throw new Error(JSON.stringify(parsed));
        return formatPartialDate(parsed.date);
      },
    );
    expect(dates).toEqual(["2019", "mars 2019", "12 mars 2019", "1er mars 2019"]);
  });

  it("requires the year, a month for a day, a real day, and refuses the future", () => {
    expect(parse({})).toEqual({ status: "empty" });
    expect(parse({ month: "3" })).toEqual({ status: "invalid", message: "La date doit au moins indiquer l'année." });
    expect(parse({ day: "12", year: "2019" })).toEqual({ status: "invalid", message: "Pour indiquer le jour, indiquez aussi le mois." });
    expect(parse({ day: "30", month: "2", year: "2024" })).toEqual({ status: "invalid", message: "Le jour doit être compris entre 1 et 29 en février 2024." });
    expect(parse({ year: "19" })).toMatchObject({ status: "invalid" });
    expect(parse({ month: "13", year: "2019" })).toMatchObject({ status: "invalid" });
    expect(parse({ year: "2027" })).toEqual({ status: "invalid", message: "La date ne peut pas être dans le futur." });
    expect(parse({ day: "3", month: "12", year: "2026" })).toEqual({ status: "invalid", message: "La date ne peut pas être dans le futur." });
    // The current year and month are not "in the future": they may have started already.
    expect(parse({ month: "12", year: "2026" })).toMatchObject({ status: "valid" });
  });

  it("accepts an end that may come after the start, refuses one surely before it", () => {
    expect(isPartialDateOrderPossible({ year: 2019, month: 3, day: 12 }, { year: 2019, month: null, day: null })).toBe(true);
    expect(isPartialDateOrderPossible({ year: 2019, month: 3, day: null }, { year: 2019, month: 3, day: 1 })).toBe(true);
    expect(isPartialDateOrderPossible({ year: 2019, month: 3, day: null }, { year: 2019, month: 2, day: null })).toBe(false);
    expect(isPartialDateOrderPossible({ year: 2020, month: null, day: null }, { year: 2019, month: 12, day: 31 })).toBe(false);
  });
});
