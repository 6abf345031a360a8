import { describe, expect, it } from "vitest";
import { renderCodeLetter } from "@/lib/pdf/code-letter";
import { renderNotificationLetter } from "@/lib/pdf/notification-letter";
import { renderOppositionReceipt } from "@/lib/pdf/opposition-receipt";
import { countPdfPages, extractPdfText } from "@/tests/support/pdf-text";

function expectOnePagePdf(pdf: Buffer) {
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(countPdfPages(pdf)).toBe(1);
}

describe("opposition receipt", () => {
  it("holds the masked NIR, the name, the date of the opposition and how to come back on it", async () => {
    const pdf = await renderOppositionReceipt({
      nir: "284058832102532",
      fullName: "Élodie Ménard-Çelik",
      // 23:30 UTC is already 3 February in Paris.
      opposedAt: new Date("2022-02-02T23:30:00Z"),
    });
    expectOnePagePdf(pdf);
    const text = extractPdfText(pdf);
    expect(text).toContain("Votre justificatif d'opposition");
    expect(text).toContain("Numéro de l'assuré : 2 84 ** ** *** *** 32");
    expect(text).toContain("Nom de l'assuré : Élodie Ménard-Çelik");
    expect(text).toContain("Le 03/02/2022");
    expect(text).toMatch(/a bien été prise en compte le\s+03\/02\/2022/);
    expect(text).toContain("Page 1/1");
    expect(text).toContain("Vous pouvez revenir à tout moment sur votre décision");
    expect(text).not.toContain("8832102532");
  });
});

describe("notification letter", () => {
  it("holds the address block, the opening date and the provisional code", async () => {
    const pdf = await renderNotificationLetter({
      fullName: "Marie-Françoise de La Tour d'Auvergne",
      // The longest address a French envelope takes: six lines with the name (NF Z10-011).
      postalAddress: "Chez Mme Dupuis\nEntrée B, escalier 3, appartement 12\nRésidence des Lilas\n12 rue des Lilas\n44000 Nantes",
      code: "K7P-4QX-9ZD",
      codeValidUntil: new Date("2022-03-17T10:00:00Z"),
      openingDate: new Date("2022-03-17T10:00:00Z"),
      issuedAt: new Date("2022-02-03T09:00:00Z"),
    });
    expectOnePagePdf(pdf);
    const text = extractPdfText(pdf);
    expect(text).toContain("Marie-Françoise de La Tour d'Auvergne");
    expect(text).toContain("Entrée B, escalier 3, appartement 12");
    expect(text).toContain("44000 Nantes");
    expect(text).toContain("Le 3 février 2022");
    expect(text).toContain("K7P-4QX-9ZD");
    expect(text).toMatch(/créé automatiquement le\s+17 mars 2022/);
    expect(text).toMatch(/valable jusqu'au\s+17\/03\/2022/);
    expect(text).toContain("http://localhost:3000/activation");
  });
});

describe("provisional code letter", () => {
  it("holds the name, the code and its expiry", async () => {
    const pdf = await renderCodeLetter({
      fullName: "Jean Dupont",
      postalAddress: "3 place du Marché\r\n80000 Amiens",
      code: "482913",
      codeValidUntil: new Date("2022-02-03T13:05:00Z"),
    });
    expectOnePagePdf(pdf);
    const text = extractPdfText(pdf);
    expect(text).toContain("Jean Dupont");
    expect(text).toContain("80000 Amiens");
    expect(text).toContain("482913");
    expect(text).toMatch(/valable jusqu'au\s+03\/02\/2022 à 14:05/);
  });
});
