import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activityEvents, documentSettings, documents, entourageContacts, measurements, profileItems } from "@/db/schema";
import { readDocumentContent } from "@/lib/documents/content";
import { downloadMedicalSynthesis, saveMedicalSynthesis, synthesisFilename } from "@/lib/medical-profile/synthesis";
import { NO_SECTION_CHOSEN, NO_VISIBILITY_CHOSEN, parseSynthesisSections } from "@/lib/medical-profile/synthesis-form";
import { createSignedInPerson } from "@/tests/support/factories";
import { extractUnicodePdfText } from "@/tests/support/pdf-unicode-text";

const NOW = new Date("2026-06-10T08:05:00Z");

async function personWithProfile() {
  const person = await createSignedInPerson();
  await getDb()
    .insert(profileItems)
    .values([
      { personId: person.id, section: "illness", label: "Asthme", startYear: 2012, isOngoing: true },
      { personId: person.id, section: "vaccination", label: "Tétanos", startYear: 2024, startMonth: 3 },
      { personId: person.id, section: "vaccination", label: "Hépatite B", startYear: 2020, isHiddenFromProfessionals: true },
      { personId: person.id, section: "allergy", label: "Pollen de bouleau" },
    ]);
  await getDb()
    .insert(entourageContacts)
    .values([
      { personId: person.id, firstName: "Paul", lastName: "Visible", relation: "other", mobile: "+33612345678", postalCode: "75011", city: "Paris" },
      { personId: person.id, firstName: "Lucie", lastName: "Cachée", relation: "other", mobile: "+33612345679", postalCode: "75011", city: "Paris", isHiddenFromProfessionals: true },
    ]);
  await getDb()
    .insert(measurements)
    .values([
      { personId: person.id, code: "29463-7", value: 62, unit: "kg", measuredAt: new Date("2026-01-10T08:00:00Z") },
      { personId: person.id, code: "29463-7", value: 99, unit: "kg", measuredAt: new Date("2026-02-10T08:00:00Z"), isHiddenFromProfessionals: true },
    ]);
  return person;
}

async function actionsOf(personId: string) {
  const rows = await getDb().select({ action: activityEvents.action, group: activityEvents.group }).from(activityEvents).where(eq(activityEvents.subjectPersonId, personId));
  return rows.filter((row) => row.action.startsWith("medical-profile.synthesis") || row.action.startsWith("documents."));
}

async function synthesesOf(personId: string) {
  return getDb().select().from(documents).where(and(eq(documents.personId, personId), eq(documents.category, "SYNTH_PML")));
}

describe("Partager une synthèse", () => {
  it("prints the chosen sections without what the person masked from professionals, and records the download", async () => {
    const person = await personWithProfile();
    const { bytes, filename } = await downloadMedicalSynthesis({ actor: person.actor, sections: ["illness", "vaccination", "entourage", "measurements"], now: NOW });
    const text = await extractUnicodePdfText(bytes);

    expect(text).toContain("Synthèse de mon profil médical");
    expect(text).toContain(person.actor.subject.fullName);
    expect(text).toContain("Asthme");
    expect(text).toContain("Depuis 2012, en cours");
    expect(text).toContain("Tétanos");
    expect(text).toContain("mars 2024");
    expect(text).toContain("Paul Visible");
    expect(text).toContain("62 kg");
    expect(text).not.toContain("Hépatite B");
    expect(text).not.toContain("Lucie");
    expect(text).not.toContain("99 kg");
    // A section left unticked is not printed.
    expect(text).not.toContain("Pollen de bouleau");
    expect(filename).toMatch(/^Profilmedical_[A-Za-z0-9-]+_[A-Za-z0-9-]+_20260610_1005\.pdf$/);
    expect(await actionsOf(person.id)).toEqual([{ action: "medical-profile.synthesis-downloaded", group: "health_documents" }]);
  });

  it("never prints another person's profile", async () => {
    const other = await personWithProfile();
    const person = await createSignedInPerson();
    const { bytes } = await downloadMedicalSynthesis({ actor: person.actor, sections: ["illness", "vaccination", "allergy"], now: NOW });
    const text = await extractUnicodePdfText(bytes);
    expect(text).not.toContain("Asthme");
    expect(text).not.toContain("Tétanos");
    expect(text).toContain("Aucune maladie ni aucun sujet de santé renseigné.");
    expect(await actionsOf(other.id)).toEqual([]);
  });

  it("names the file in ASCII letters, in Paris time", () => {
    expect(synthesisFilename({ firstNames: "Éloïse Marie", birthName: "N'Guyen Lefèvre", usageName: null }, new Date("2026-12-02T23:30:00Z"))).toBe(
      "Profilmedical_Eloise_N-Guyen-Lefevre_20261203_0030.pdf",
    );
  });

  it("asks for at least one section, among the listed ones", () => {
    expect(parseSynthesisSections([])).toEqual({ status: "invalid", fieldErrors: { rubrique: [NO_SECTION_CHOSEN] } });
    expect(parseSynthesisSections(["illness", "<script>"]).status).toBe("invalid");
    expect(parseSynthesisSections(["vaccination", "illness", "illness"])).toEqual({ status: "valid", sections: ["illness", "vaccination"] });
  });

  it("stores it in Documents as the patient's « Synthèse médicale », visible to professionals, with its event", async () => {
    const person = await personWithProfile();
    const result = await saveMedicalSynthesis({ actor: person.actor, sections: ["vaccination"], visibility: null, now: NOW });
    expect(result.status).toBe("saved");
    const [stored] = await synthesesOf(person.id);
    expect(stored).toMatchObject({
      title: "Synthèse médicale du 10/06/2026",
      documentDate: "2026-06-10",
      authorKind: "patient",
      authorAccountId: person.accountId,
      mediaType: "application/pdf",
      isHiddenFromProfessionals: false,
    });
    expect(await actionsOf(person.id)).toEqual([{ action: "documents.added", group: "health_documents" }]);
    const content = await readDocumentContent(getDb(), { actor: person.actor, documentId: stored!.id, purpose: "download", now: NOW });
    if (content.status !== "found") throw new Error("the synthesis is not readable");
    const text = await extractUnicodePdfText(content.bytes);
    expect(text).toContain("Tétanos");
    expect(text).not.toContain("Hépatite B");
  });

  it("refuses a save without any section and writes nothing", async () => {
    const person = await personWithProfile();
    const result = await saveMedicalSynthesis({ actor: person.actor, sections: [], visibility: null, now: NOW });
    expect(result).toEqual({ status: "invalid", fieldErrors: { rubrique: [NO_SECTION_CHOSEN] } });
    expect(await synthesesOf(person.id)).toEqual([]);
    expect(await actionsOf(person.id)).toEqual([]);
  });

  it("asks whether professionals may see it when new documents are masked by default", async () => {
    const person = await personWithProfile();
    await getDb().insert(documentSettings).values({ personId: person.id, hideNewDocumentsFromProfessionals: true });

    const unanswered = await saveMedicalSynthesis({ actor: person.actor, sections: ["illness"], visibility: null, now: NOW });
    expect(unanswered).toEqual({ status: "invalid", fieldErrors: { visibilite: [NO_VISIBILITY_CHOSEN] } });
    expect(await synthesesOf(person.id)).toEqual([]);

    await saveMedicalSynthesis({ actor: person.actor, sections: ["illness"], visibility: "masquee", now: NOW });
    await saveMedicalSynthesis({ actor: person.actor, sections: ["illness"], visibility: "visible", now: new Date(NOW.getTime() + 60_000) });
    const stored = await synthesesOf(person.id);
    expect(stored.map((row) => row.isHiddenFromProfessionals).sort()).toEqual([false, true]);
  });
});
