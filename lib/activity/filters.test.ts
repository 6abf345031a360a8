import { describe, expect, it } from "vitest";
import { activityFilterQuery, parseActivityQuery, startOfParisDay } from "./filters";

describe("startOfParisDay", () => {
  it("gives midnight in Paris, winter and summer, and on the nights the clocks change", () => {
    expect(startOfParisDay("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(startOfParisDay("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
    expect(startOfParisDay("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfParisDay("2026-03-29", 1).toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfParisDay("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(startOfParisDay("2026-10-25", 1).toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });
});

describe("parseActivityQuery", () => {
  it("reads a period as whole Paris days, the end included", () => {
    const parsed = parseActivityQuery({ du: "01/07/2026", au: "2/7/2026", acteur: "professional", groupe: "health_documents" });
    expect(parsed).toMatchObject({
      status: "valid",
      filters: {
        from: new Date("2026-06-30T22:00:00Z"),
        until: new Date("2026-07-02T22:00:00Z"),
        actorKind: "professional",
        group: "health_documents",
      },
      cursor: null,
    });
  });

  it("takes no filter as the whole history, and the first value of a repeated parameter", () => {
    expect(parseActivityQuery({})).toMatchObject({ status: "valid", filters: { from: null, until: null, actorKind: null, group: null } });
    expect(parseActivityQuery({ acteur: ["system", "patient"] })).toMatchObject({ status: "valid", filters: { actorKind: "system" } });
  });

  it("reads a cursor in either direction", () => {
    const key = "2026-07-01T10:00:00.000Z_0f0e0d0c-0b0a-4000-8000-000000000001";
    expect(parseActivityQuery({ avant: key })).toMatchObject({
      cursor: { direction: "older", at: new Date("2026-07-01T10:00:00Z"), id: "0f0e0d0c-0b0a-4000-8000-000000000001" },
    });
    expect(parseActivityQuery({ apres: key })).toMatchObject({ cursor: { direction: "newer" } });
  });
});

describe("activityFilterQuery", () => {
  it("keeps only the filters given", () => {
    expect(activityFilterQuery({ du: "01/07/2026", au: "", acteur: "", groupe: "general" })).toBe("?du=01%2F07%2F2026&groupe=general");
    expect(activityFilterQuery({ du: "", au: "", acteur: "", groupe: "" })).toBe("");
  });
});
