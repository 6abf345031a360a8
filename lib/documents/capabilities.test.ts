import { describe, expect, it } from "vitest";
import { documentAuthorNotice, documentCapabilities } from "./capabilities";

describe("documentCapabilities", () => {
  it("lets the patient edit and delete their own upload", () => {
    expect(documentCapabilities({ authorKind: "patient", reportedAt: null })).toMatchObject({ mayEdit: true, mayDelete: true });
  });

  it.each(["professional", "establishment", "insurer", "service"] as const)(
    "only lets the patient mask, pin, move or report a document from the %s",
    (authorKind) => {
      expect(documentCapabilities({ authorKind, reportedAt: null })).toEqual({
        mayEdit: false,
        mayDelete: false,
        mayChangeVisibility: true,
        mayPin: true,
        mayMove: true,
        mayReport: true,
      });
    },
  );

  it("allows one report per document", () => {
    expect(documentCapabilities({ authorKind: "patient", reportedAt: new Date() }).mayReport).toBe(false);
  });
});

describe("documentAuthorNotice", () => {
  it("says nothing on the patient's own document", () => {
    expect(documentAuthorNotice({ authorKind: "patient", authorName: "Camille Martin" })).toBeNull();
  });

  it("names the professional and says the document cannot be changed", () => {
    expect(documentAuthorNotice({ authorKind: "professional", authorName: "Dr Anne Leroy" })).toBe(
      "Ce document a été ajouté par un professionnel de santé (Dr Anne Leroy). Il ne peut pas être modifié ou supprimé.",
    );
  });

  it("names the insurer by its name", () => {
    expect(documentAuthorNotice({ authorKind: "insurer", authorName: "Assurance Maladie" })).toBe(
      "Ce document a été ajouté par l'Assurance Maladie. Il ne peut pas être modifié ou supprimé.",
    );
  });
});
