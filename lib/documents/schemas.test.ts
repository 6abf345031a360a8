import { describe, expect, it } from "vitest";
import { documentDetailsSchema, folderCreateSchema } from "./schemas";
import { documentRules } from "./rules";
import { FOLD_FROM, FOLD_TO, foldText } from "@/db/schema/text-folding";

const NOW = new Date("2026-06-10T22:30:00Z"); // already 11 June in Paris
const ID = "5b0e8c3a-7d2f-4c1e-9a8b-2f3e4d5c6b7a";

function errorsOf(input: Record<string, string>) {
  const parsed = documentDetailsSchema(NOW).safeParse({ documentId: ID, title: "Radio", documentDate: "01/02/2026", category: "RADIO_SC", ...input });
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("the document forms' fields", () => {
  it("takes a French date, not after today in France", () => {
    expect(errorsOf({})).toEqual({});
    expect(errorsOf({ documentDate: "11/06/2026" })).toEqual({});
    expect(errorsOf({ documentDate: "12/06/2026" })).toEqual({ documentDate: "La date du document ne peut pas être dans le futur." });
    expect(errorsOf({ documentDate: "31/02/2026" })).toEqual({ documentDate: "La date du document doit être une date réelle au format JJ/MM/AAAA." });
  });

  it("says the limits of titles and folder names from the rules", () => {
    expect(errorsOf({ title: "x".repeat(documentRules.titleMaxLength + 1) })).toEqual({
      title: `Le titre ne peut pas dépasser ${documentRules.titleMaxLength} caractères.`,
    });
    expect(errorsOf({ category: "SYNTH_PML" })).toEqual({ category: "Choisissez une catégorie dans la liste." });
    expect(folderCreateSchema.safeParse({ name: "d".repeat(documentRules.folderNameMaxLength + 1) }).error?.issues[0]?.message).toBe(
      `Le nom du dossier ne peut pas dépasser ${documentRules.folderNameMaxLength} caractères.`,
    );
  });
});

describe("foldText", () => {
  it("drops accents and case the way the database's translate() and lower() do", () => {
    expect(foldText("Échographie ÀÇÎÔÛ déjà")).toBe("echographie aciou deja");
    expect([...FOLD_FROM]).toHaveLength(FOLD_TO.length);
  });
});
