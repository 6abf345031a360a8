import { describe, expect, it } from "vitest";
import { activityCsvFilename, activityCsvHeader, activityCsvLine, csvCell } from "./csv";

describe("the activity CSV", () => {
  it("quotes every cell and doubles quotes inside", () => {
    expect(csvCell('Dr "House"; cardiologue')).toBe('"Dr ""House""; cardiologue"');
  });

  it("keeps cells that a spreadsheet would run as formulas as text", () => {
    for (const formula of ["=HYPERLINK(A1)", "+33", "-2+3", "@SUM(A1)", "\tx", "\rx"]) {
      expect(csvCell(formula)).toBe(`"'${formula}"`);
    }
    expect(csvCell("Camille Martin")).toBe('"Camille Martin"');
  });

  it("starts with a byte-order mark and the French header, one event a line in Paris time", () => {
    expect(activityCsvHeader()).toBe('\uFEFF"Date";"Heure";"Auteur";"Type d\'auteur";"Pour le compte de";"Action";"Catégorie";"Urgence"\r\n');
    const line = activityCsvLine({
      id: "00000000-0000-4000-8000-000000000000",
      at: new Date("2026-07-14T21:05:00Z"),
      actorName: "=Camille",
      actorKind: "patient",
      actorKindLabel: "Titulaire ou représentant",
      onBehalfOf: "self",
      onBehalfOfLabel: "Pour son propre compte",
      label: "Connexion",
      groupLabel: "Général",
      isEmergency: false,
    });
    expect(line).toBe('"14/07/2026";"23:05";"\'=Camille";"Titulaire ou représentant";"Pour son propre compte";"Connexion";"Général";"Non"\r\n');
  });

  it("names the file from the date only", () => {
    expect(activityCsvFilename(new Date("2026-12-02T01:00:00Z"))).toBe("historique-activite-2026-12-02.csv");
  });
});
