import { describe, expect, it } from "vitest";
import { PREVENTIVE_ITEMS, birthDatesReachingAgeOn, dateAtAge, defaultStatusOf } from "./preventive-calendar";

describe("the preventive calendar's reference data", () => {
  it("holds the 20 mandatory examinations of a child, and unique codes", () => {
    expect(PREVENTIVE_ITEMS.filter((item) => item.kind === "child-exam")).toHaveLength(20);
    expect(new Set(PREVENTIVE_ITEMS.map((item) => item.code)).size).toBe(PREVENTIVE_ITEMS.length);
  });
});

describe("dateAtAge", () => {
  it("adds months and days, a month's end clamped", () => {
    expect(dateAtAge("2026-01-15", { months: 2 })).toBe("2026-03-15");
    expect(dateAtAge("2026-01-31", { months: 1 })).toBe("2026-02-28");
    expect(dateAtAge("2026-12-28", { months: 0, days: 8 })).toBe("2027-01-05");
    expect(dateAtAge("2024-02-29", { months: 12 })).toBe("2025-02-28");
  });
});

describe("birthDatesReachingAgeOn", () => {
  it("finds every birth date that reaches the age on the day, the inverse of dateAtAge", () => {
    expect(birthDatesReachingAgeOn("2026-02-28", { months: 1 })).toEqual(["2026-01-28", "2026-01-29", "2026-01-30", "2026-01-31"]);
    expect(birthDatesReachingAgeOn("2026-03-15", { months: 2 })).toEqual(["2026-01-15"]);
    expect(birthDatesReachingAgeOn("2027-01-05", { months: 0, days: 8 })).toEqual(["2026-12-28"]);
  });
});

describe("defaultStatusOf", () => {
  it("is « à planifier » until the due date, « non renseigné » after", () => {
    expect(defaultStatusOf("2026-12-02", "2026-12-02")).toBe("to_plan");
    expect(defaultStatusOf("2026-12-01", "2026-12-02")).toBe("not_specified");
  });
});
