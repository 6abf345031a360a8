import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activityEvents, documentObjects, documentSettings, documents, insuredPersons } from "@/db/schema";
import { findDirectivesPage, isMinorOn, saveOnlineDirectives, saveUploadedDirectives } from "@/lib/advance-directives/records";
import { readDocumentContent } from "@/lib/documents/content";
import { findEmptySections, findMedicalProfile } from "@/lib/medical-profile/queries";
import { createSignedInPerson } from "@/tests/support/factories";
import { extractUnicodePdfText } from "@/tests/support/pdf-unicode-text";

const NOW = new Date("2026-06-10T10:00:00Z");

const ANSWERS = {
  variant: "good-health",
  resuscitationChoice: "refuse",
  ventilationChoice: "accept",
  ventilationPrecision: "Quelques jours seulement",
  dialysisChoice: "undecided",
  surgeryChoice: "accept",
  artificialNutritionChoice: "refuse",
  deepSedationChoice: "accept",
  otherWishes: "Je souhaite mourir chez moi, à Lyon.",
  place: "Lyon",
};

async function directivesOf(personId: string) {
  return getDb().select().from(documents).where(and(eq(documents.personId, personId), eq(documents.category, "DIR_ANT")));
}

async function actionsOf(personId: string) {
  const rows = await getDb().select({ action: activityEvents.action }).from(activityEvents).where(eq(activityEvents.subjectPersonId, personId));
  return rows.map((row) => row.action).filter((action) => action.startsWith("documents.") || action.startsWith("advance-directives."));
}

describe("Directives anticipées", () => {
  it("stores the online form as the patient's PDF, visible to professionals, with its events", async () => {
    const person = await createSignedInPerson();
    const result = await saveOnlineDirectives({ actor: person.actor, values: ANSWERS, now: NOW });
    if (result.status !== "saved") throw new Error(`not saved: ${JSON.stringify(result)}`);
    const [stored] = await directivesOf(person.id);
    expect(stored).toMatchObject({ id: result.documentId, title: "Directives anticipées du 10/06/2026", authorKind: "patient", isHiddenFromProfessionals: false });
    expect((await actionsOf(person.id)).sort()).toEqual(["advance-directives.written", "documents.added"]);
    const content = await readDocumentContent(getDb(), { actor: person.actor, documentId: result.documentId, purpose: "open", now: NOW });
    if (content.status !== "found") throw new Error("unreadable");
    expect(await extractUnicodePdfText(content.bytes)).toContain("Quelques jours seulement");
    expect(await findDirectivesPage({ actor: person.actor, now: NOW })).toEqual({
      status: "adult",
      current: { id: result.documentId, title: stored!.title, documentDate: "2026-06-10", isHiddenFromProfessionals: false },
    });
  });

  it("replaces the previous version: its row and its bytes are gone", async () => {
    const person = await createSignedInPerson();
    const first = await saveOnlineDirectives({ actor: person.actor, values: ANSWERS, now: NOW });
    if (first.status !== "saved") throw new Error("not saved");
    const firstStorageKey = (await directivesOf(person.id))[0]?.storageKey ?? "";
    const second = await saveOnlineDirectives({ actor: person.actor, values: { ...ANSWERS, place: "Paris" }, now: new Date("2026-06-11T10:00:00Z") });
    if (first.status !== "saved" || second.status !== "saved") throw new Error("not saved");
    const stored = await directivesOf(person.id);
    expect(stored.map((row) => row.id)).toEqual([second.documentId]);
    const [firstRow] = await getDb().select().from(documents).where(eq(documents.id, first.documentId));
    expect(firstRow).toBeUndefined();
    // The tests use the database store: the first version's object went with its row.
    expect(stored[0]?.storage).toBe("database");
    expect(await getDb().select({ key: documentObjects.key }).from(documentObjects).where(eq(documentObjects.key, firstStorageKey))).toEqual([]);
    expect((await actionsOf(person.id)).filter((action) => action === "documents.deleted")).toHaveLength(1);
  });

  it("is listed by « Compléter mon profil » until there are directives, and only for their owner", async () => {
    const person = await createSignedInPerson();
    const other = await createSignedInPerson();
    expect(findEmptySections(await findMedicalProfile({ actor: person.actor }))).toContain("advance-directives");
    await saveOnlineDirectives({ actor: other.actor, values: ANSWERS, now: NOW });
    expect(findEmptySections(await findMedicalProfile({ actor: person.actor }))).toContain("advance-directives");
    expect(findEmptySections(await findMedicalProfile({ actor: other.actor }))).not.toContain("advance-directives");
  });

  it("follows the default masking of new documents", async () => {
    const person = await createSignedInPerson();
    await getDb().insert(documentSettings).values({ personId: person.id, hideNewDocumentsFromProfessionals: true });
    await saveOnlineDirectives({ actor: person.actor, values: ANSWERS, now: NOW });
    const [stored] = await directivesOf(person.id);
    expect(stored?.isHiddenFromProfessionals).toBe(true);
  });

  it("refuses a minor, and writes nothing", async () => {
    const person = await createSignedInPerson();
    await getDb().update(insuredPersons).set({ birthDate: "2008-06-11" }).where(eq(insuredPersons.id, person.id));
    expect(await saveOnlineDirectives({ actor: person.actor, values: ANSWERS, now: NOW })).toEqual({ status: "minor" });
    expect(await findDirectivesPage({ actor: person.actor, now: NOW })).toEqual({ status: "minor" });
    expect(await directivesOf(person.id)).toEqual([]);
    expect(await actionsOf(person.id)).toEqual([]);
  });

  it("counts age on the Paris calendar, birthday included", () => {
    expect(isMinorOn("2008-06-10", NOW)).toBe(false);
    expect(isMinorOn("2008-06-11", NOW)).toBe(true);
    expect(isMinorOn("2008-06-11", new Date("2026-06-10T22:30:00Z"))).toBe(false);
  });

  it("refuses an incomplete form on its fields, and never touches the current version or another person's", async () => {
    const person = await createSignedInPerson();
    const other = await createSignedInPerson();
    const saved = await saveOnlineDirectives({ actor: other.actor, values: ANSWERS, now: NOW });
    const result = await saveOnlineDirectives({ actor: person.actor, values: { ...ANSWERS, variant: "serious-illness", place: "" }, now: NOW });
    expect(result.status).toBe("invalid");
    if (result.status !== "invalid") return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["place", "situation"]);
    expect(await directivesOf(person.id)).toEqual([]);
    expect(await findDirectivesPage({ actor: person.actor, now: NOW })).toEqual({ status: "adult", current: null });
    // The other person's directives are untouched by this person's next version.
    await saveOnlineDirectives({ actor: person.actor, values: ANSWERS, now: NOW });
    expect((await directivesOf(other.id)).map((row) => row.id)).toEqual([saved.status === "saved" ? saved.documentId : ""]);
  });

  describe("by upload", () => {
    const PNG = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    );
    const upload = (name: string, bytes: Buffer) => ({ fields: {}, file: { name, bytes } });

    it("stores the file as the one DIR_ANT document, replacing the online version, with its events", async () => {
      const person = await createSignedInPerson();
      const online = await saveOnlineDirectives({ actor: person.actor, values: ANSWERS, now: NOW });
      if (online.status !== "saved") throw new Error("not saved");
      const later = new Date("2026-06-12T10:00:00Z");
      const result = await saveUploadedDirectives({ actor: person.actor, form: upload("directives.png", PNG), now: later });
      if (result.status !== "saved") throw new Error(`not saved: ${JSON.stringify(result)}`);
      const stored = await directivesOf(person.id);
      expect(stored.map((row) => row.id)).toEqual([result.documentId]);
      expect(stored[0]).toMatchObject({ title: "Directives anticipées du 12/06/2026", mediaType: "image/png", authorKind: "patient", documentDate: "2026-06-12" });
      expect(await getDb().select().from(documents).where(eq(documents.id, online.documentId))).toEqual([]);
      expect((await actionsOf(person.id)).sort()).toEqual([
        "advance-directives.uploaded",
        "advance-directives.written",
        "documents.added",
        "documents.added",
        "documents.deleted",
      ]);
      const content = await readDocumentContent(getDb(), { actor: person.actor, documentId: result.documentId, purpose: "open", now: later });
      if (content.status !== "found") throw new Error("unreadable");
      expect(Buffer.compare(content.bytes, PNG)).toBe(0);
      // And an online version replaces an uploaded one just the same.
      const next = await saveOnlineDirectives({ actor: person.actor, values: ANSWERS, now: later });
      expect((await directivesOf(person.id)).map((row) => row.id)).toEqual([next.status === "saved" ? next.documentId : ""]);
    });

    it("refuses a file whose bytes are not an accepted type or disagree with its name, an empty choice, and keeps the current version", async () => {
      const person = await createSignedInPerson();
      const online = await saveOnlineDirectives({ actor: person.actor, values: ANSWERS, now: NOW });
      for (const form of [
        upload("directives.pdf", PNG),
        upload("directives.html", Buffer.from("<html><body>Mes volontés</body></html>")),
        upload("directives.exe", Buffer.from("MZ\x90\x00\x03\x00\x00\x00")),
        { fields: {}, file: null },
      ]) {
        const result = await saveUploadedDirectives({ actor: person.actor, form, now: NOW });
        expect(result.status).toBe("invalid");
        if (result.status === "invalid") expect(Object.keys(result.fieldErrors)).toEqual(["fichier"]);
      }
      expect((await directivesOf(person.id)).map((row) => row.id)).toEqual([online.status === "saved" ? online.documentId : ""]);
      expect((await actionsOf(person.id)).sort()).toEqual(["advance-directives.written", "documents.added"]);
    });

    it("refuses a minor, and writes nothing", async () => {
      const person = await createSignedInPerson();
      await getDb().update(insuredPersons).set({ birthDate: "2008-06-11" }).where(eq(insuredPersons.id, person.id));
      expect(await saveUploadedDirectives({ actor: person.actor, form: upload("directives.png", PNG), now: NOW })).toEqual({ status: "minor" });
      expect(await directivesOf(person.id)).toEqual([]);
      expect(await actionsOf(person.id)).toEqual([]);
    });

    it("replaces only the actor's own directives", async () => {
      const person = await createSignedInPerson();
      const other = await createSignedInPerson();
      const theirs = await saveOnlineDirectives({ actor: other.actor, values: ANSWERS, now: NOW });
      const mine = await saveUploadedDirectives({ actor: person.actor, form: upload("directives.png", PNG), now: NOW });
      expect(mine.status).toBe("saved");
      expect((await directivesOf(other.id)).map((row) => row.id)).toEqual([theirs.status === "saved" ? theirs.documentId : ""]);
    });
  });
});
