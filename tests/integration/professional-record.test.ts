import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  accessMatrixEntries,
  activityEvents,
  documents,
  emergencyAccessSettings,
  emergencyAccesses,
  entourageContacts,
  organDonationStatements,
  outgoingMessages,
  professionalAccesses,
  profileItems,
  spaces,
} from "@/db/schema";
import type { ProfessionalActor } from "@/lib/access/actor";
import { documentCapabilities } from "@/lib/documents/capabilities";
import { storeDocument } from "@/lib/documents/content";
import { recordConsent } from "@/lib/professional-access/consent";
import { depositDocument } from "@/lib/professional-access/deposit";
import { openEmergencyAccess } from "@/lib/professional-access/emergency";
import { EMERGENCY_ACCESS_DURATION_MS } from "@/lib/professional-access/emergency-rules";
import { mayDepositTo, openPatientRecord, readPatientDocumentContent } from "@/lib/professional-access/reading";
import { loadStanding } from "@/lib/professional-access/standing";
import { createInsuredPerson, createProfessional, createSignedInPerson } from "@/tests/support/factories";

const NOW = new Date("2026-07-01T09:00:00Z");
const LATER = new Date("2026-07-01T10:00:00Z");

// The matrix rows these tests rely on (another part of issue 10 seeds the documented default; ours win here).
const DOCTOR = "10";
const ACCESSIBLE = ["11488-4", "DOCPAT03", "EXPPAT_3", "11502-2"];
const EXCLUDED = "ATTEST-RESID";

beforeAll(async () => {
  const rows = [
    ...ACCESSIBLE.map((documentTypeCode) => ({ professionCode: DOCTOR, documentTypeCode, isAccessible: true })),
    { professionCode: DOCTOR, documentTypeCode: EXCLUDED, isAccessible: false },
  ];
  await getDb()
    .insert(accessMatrixEntries)
    .values(rows)
    .onConflictDoUpdate({ target: [accessMatrixEntries.professionCode, accessMatrixEntries.documentTypeCode], set: { isAccessible: sql`excluded.is_accessible` } });
});

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const TEXT = new TextEncoder().encode("Compte rendu : patient vu en consultation, examen normal.\n");

async function addDocument(
  personId: string,
  { title = "Compte rendu", typeCode = "11488-4", isHidden = false, category = "CPT_REND" as const } = {},
) {
  const { documentId } = await storeDocument(getDb(), {
    personId,
    title,
    documentDate: "2026-06-01",
    category,
    typeCode: typeCode as "11488-4",
    authorKind: "establishment",
    authorAccountId: null,
    authorName: "CHU de Lyon",
    bytes: TEXT,
    mediaType: "text/plain",
    isHiddenFromProfessionals: isHidden,
    recordedAs: { actor: { kind: "system", accountId: null, name: "Mon espace santé" } },
    now: NOW,
  });
  return documentId;
}

async function setAccess(personId: string, professionalId: string, status: "authorised" | "blocked" | "withdrawn", isAdministrator = false) {
  await getDb().insert(professionalAccesses).values({ personId, professionalId, status, isAdministrator, statusSince: NOW });
}

async function eventsOf(personId: string) {
  return getDb().select().from(activityEvents).where(eq(activityEvents.subjectPersonId, personId)).orderBy(activityEvents.sequence);
}

async function mailsTo(recipient: string | null) {
  return getDb().select().from(outgoingMessages).where(eq(outgoingMessages.recipient, recipient ?? ""));
}

/** A patient with a visible, a masked, an excluded-type and a hidden-type (absent from matrix) document. */
async function patientWithDocuments() {
  const patient = await createSignedInPerson();
  const visible = await addDocument(patient.id, { title: "Visible" });
  const masked = await addDocument(patient.id, { title: "Masqué", isHidden: true });
  const excluded = await addDocument(patient.id, { title: "Résidence", typeCode: EXCLUDED, category: "DOC_ADM" as "CPT_REND" });
  return { patient, visible, masked, excluded };
}

async function doctor(overrides: { isEmergencyMedicalService?: boolean } = {}) {
  return (await createProfessional({ professionCode: DOCTOR, ...overrides })).actor;
}

async function titlesSeenBy(actor: ProfessionalActor, personId: string) {
  const result = await openPatientRecord({ actor, personId, now: LATER });
  return result.status === "found" ? result.documentPage.documents.map((document) => document.title).sort() : result.status;
}

describe("a professional's standing with a patient", () => {
  it("reads consent, emergency, switches (defaults without a row) and the profession's matrix in one query", async () => {
    const patient = await createSignedInPerson();
    const actor = await doctor();
    const none = await loadStanding(getDb(), { actor, personId: patient.id, now: NOW });
    expect(none?.standing).toEqual({
      professional: { id: actor.professional.id, isEmergencyMedicalService: false },
      access: null,
      emergency: null,
      settings: { allowsEmergencyMedicalService: true, allowsOtherProfessionals: true, includesMaskedDocuments: false },
    });
    expect(none?.reach).toEqual({ reach: "none", mayOpenEmergencyAccess: true });
    expect(ACCESSIBLE.every((code) => none?.isTypeAccessible(code))).toBe(true);
    expect(none?.isTypeAccessible(EXCLUDED)).toBe(false);
    await setAccess(patient.id, actor.professional.id, "authorised", true);
    await getDb().insert(emergencyAccessSettings).values({ personId: patient.id, allowsOtherProfessionals: false });
    const loaded = await loadStanding(getDb(), { actor, personId: patient.id, now: NOW });
    expect(loaded?.standing.access).toEqual({ status: "authorised", isAdministrator: true });
    expect(loaded?.standing.settings).toEqual({ allowsEmergencyMedicalService: true, allowsOtherProfessionals: false, includesMaskedDocuments: false });
    expect(loaded?.reach).toMatchObject({ reach: "record", isAdministrator: true, isEmergency: false, seesMaskedDocuments: true });
  });

  it("finds an emergency access only while it lasts", async () => {
    const patient = await createSignedInPerson();
    const actor = await doctor();
    await getDb()
      .insert(emergencyAccesses)
      .values({ personId: patient.id, professionalId: actor.professional.id, kind: "other_professional", reason: "Malaise", startedAt: NOW, endsAt: LATER });
    expect((await loadStanding(getDb(), { actor, personId: patient.id, now: NOW }))?.standing.emergency).toEqual({ kind: "other_professional" });
    expect((await loadStanding(getDb(), { actor, personId: patient.id, now: LATER }))?.standing.emergency).toBeNull();
  });

  it("does not find a patient without an active space, nor an id that is none", async () => {
    const pending = await createInsuredPerson();
    const actor = await doctor();
    expect(await loadStanding(getDb(), { actor, personId: pending.id, now: NOW })).toBeNull();
    expect(await loadStanding(getDb(), { actor, personId: "not-a-uuid", now: NOW })).toBeNull();
    await getDb().update(spaces).set({ status: "opposed" }).where(eq(spaces.personId, pending.id));
    expect(await recordConsent({ actor, personId: pending.id, now: NOW })).toEqual({ status: "not-found" });
  });
});

describe("« Le patient m'a donné son accord »", () => {
  it("authorises the professional, since now, with its event", async () => {
    const patient = await createSignedInPerson();
    const actor = await doctor();
    expect(await recordConsent({ actor, personId: patient.id, now: NOW })).toEqual({ status: "recorded" });
    const [row] = await getDb().select().from(professionalAccesses).where(eq(professionalAccesses.personId, patient.id));
    expect(row).toMatchObject({ status: "authorised", statusSince: NOW, consentRecordedAt: NOW, isAdministrator: false });
    // A second consent keeps "since" and renews the consent's date.
    await recordConsent({ actor, personId: patient.id, now: LATER });
    const [again] = await getDb().select().from(professionalAccesses).where(eq(professionalAccesses.personId, patient.id));
    expect(again).toMatchObject({ status: "authorised", statusSince: NOW, consentRecordedAt: LATER });
    const events = await eventsOf(patient.id);
    const consents = events.filter((event) => event.action === "professional-access.consent-recorded");
    expect(consents).toHaveLength(2);
    expect(consents[0]).toMatchObject({ actorKind: "professional", actorName: `${actor.professional.fullName} (Médecin)`, onBehalfOf: "professional", group: "general" });
  });

  it("is refused to a blocked professional, who stays blocked, and changes no row", async () => {
    const patient = await createSignedInPerson();
    const actor = await doctor();
    await setAccess(patient.id, actor.professional.id, "blocked");
    const before = await eventsOf(patient.id);
    expect(await recordConsent({ actor, personId: patient.id, now: LATER })).toEqual({ status: "blocked" });
    const [row] = await getDb().select().from(professionalAccesses).where(eq(professionalAccesses.personId, patient.id));
    expect(row).toMatchObject({ status: "blocked", statusSince: NOW, consentRecordedAt: null });
    expect(await eventsOf(patient.id)).toHaveLength(before.length);
  });

  it("authorises a withdrawn professional again, from the new consent on", async () => {
    const patient = await createSignedInPerson();
    const actor = await doctor();
    await setAccess(patient.id, actor.professional.id, "withdrawn");
    expect(await titlesSeenBy(actor, patient.id)).toBe("no-access");
    expect(await recordConsent({ actor, personId: patient.id, now: LATER })).toEqual({ status: "recorded" });
    const [row] = await getDb().select().from(professionalAccesses).where(eq(professionalAccesses.personId, patient.id));
    expect(row).toMatchObject({ status: "authorised", statusSince: LATER, consentRecordedAt: LATER });
  });
});

describe("reading the record", () => {
  it("an authorised professional sees the summary and the visible documents of accessible types", async () => {
    const { patient, visible, masked, excluded } = await patientWithDocuments();
    const actor = await doctor();
    await setAccess(patient.id, actor.professional.id, "authorised");
    const record = await openPatientRecord({ actor, personId: patient.id, now: LATER });
    expect(record).toMatchObject({
      status: "found",
      patient: { personId: patient.id, firstNames: patient.firstNames, birthName: patient.birthName, birthDate: patient.birthDate, sex: patient.sex },
      isEmergency: false,
    });
    expect(record.status === "found" && record.documentPage.documents.map((document) => document.title)).toEqual(["Visible"]);
    const opened = await readPatientDocumentContent({ actor, personId: patient.id, documentId: visible, purpose: "open", now: LATER });
    expect(opened.status === "found" && Buffer.from(opened.bytes).equals(Buffer.from(TEXT))).toBe(true);
    for (const documentId of [masked, excluded]) {
      expect(await readPatientDocumentContent({ actor, personId: patient.id, documentId, purpose: "download", now: LATER })).toEqual({ status: "not-found" });
    }
    const reads = (await eventsOf(patient.id)).filter((event) => event.actorKind === "professional");
    expect(reads.map((event) => [event.action, event.group, event.isEmergency, event.targetId])).toEqual([
      ["professional-access.record-opened", "health_documents", false, null],
      ["professional-access.document-opened", "health_documents", false, visible],
    ]);
  });

  it("an administrator sees masked documents, but never a type the matrix excludes", async () => {
    const { patient } = await patientWithDocuments();
    const actor = await doctor();
    await setAccess(patient.id, actor.professional.id, "authorised", true);
    expect(await titlesSeenBy(actor, patient.id)).toEqual(["Masqué", "Visible"]);
  });

  it("nothing for a professional without consent, a blocked or a withdrawn one, and no event", async () => {
    const { patient, visible } = await patientWithDocuments();
    const without = await doctor();
    const blocked = await doctor();
    const withdrawn = await doctor();
    await setAccess(patient.id, blocked.professional.id, "blocked");
    await setAccess(patient.id, withdrawn.professional.id, "withdrawn");
    const before = (await eventsOf(patient.id)).length;
    for (const actor of [without, blocked, withdrawn]) {
      const expected = actor === blocked ? "blocked" : "no-access";
      expect(await titlesSeenBy(actor, patient.id)).toBe(expected);
      expect(await readPatientDocumentContent({ actor, personId: patient.id, documentId: visible, purpose: "open", now: LATER })).toEqual({ status: "not-found" });
    }
    expect(await eventsOf(patient.id)).toHaveLength(before);
  });

  it("another patient's document is never reached through this patient's record", async () => {
    const { patient } = await patientWithDocuments();
    const other = await patientWithDocuments();
    const actor = await doctor();
    await setAccess(patient.id, actor.professional.id, "authorised", true);
    expect(await readPatientDocumentContent({ actor, personId: patient.id, documentId: other.visible, purpose: "open", now: LATER })).toEqual({
      status: "not-found",
    });
    expect(await titlesSeenBy(actor, other.patient.id)).toBe("no-access");
  });

  it("the profile: vaccinations, entourage, directives and organ donation, each masked item left out, nothing else", async () => {
    const patient = await createSignedInPerson();
    const actor = await doctor();
    await setAccess(patient.id, actor.professional.id, "authorised");
    await getDb().insert(profileItems).values([
      { personId: patient.id, section: "vaccination", label: "Tétanos", startYear: 2020 },
      { personId: patient.id, section: "vaccination", label: "Hépatite B", isHiddenFromProfessionals: true },
      { personId: patient.id, section: "illness", label: "Diabète" },
    ]);
    await getDb().insert(entourageContacts).values([
      { personId: patient.id, firstName: "Jeanne", lastName: "Martin", relation: "spouse", mobile: "+33612345678", postalCode: "75011", city: "Paris", isTrustedPerson: true },
      { personId: patient.id, firstName: "Paul", lastName: "Secret", relation: "other", mobile: "+33612345679", postalCode: "75011", city: "Paris", isHiddenFromProfessionals: true },
    ]);
    await getDb().insert(organDonationStatements).values({ personId: patient.id, informedAt: NOW });
    await addDocument(patient.id, { title: "Directives anticipées", typeCode: "EXPPAT_3", category: "DIR_ANT" as "CPT_REND" });
    const record = await openPatientRecord({ actor, personId: patient.id, now: LATER });
    if (record.status !== "found") throw new Error(record.status);
    const view = record.profile;
    expect(view.vaccinations.map((item) => item.label)).toEqual(["Tétanos"]);
    expect(view.entourage.map((contact) => contact.firstName)).toEqual(["Jeanne"]);
    expect(view.advanceDirectives.map((document) => document.title)).toEqual(["Directives anticipées"]);
    expect(view.organDonation).toEqual({ informedAt: NOW });
    expect(JSON.stringify(view)).not.toContain("Diabète");
    await getDb().update(organDonationStatements).set({ isHiddenFromProfessionals: true }).where(eq(organDonationStatements.personId, patient.id));
    const masked = await openPatientRecord({ actor, personId: patient.id, now: LATER });
    expect(masked.status === "found" && masked.profile.organDonation).toBe(null);
    // One view of the record, one event: « Consultation du dossier », not one per part of it.
    const events = (await eventsOf(patient.id)).filter((event) => event.actorKind === "professional");
    expect(events.map((event) => event.action)).toEqual(["professional-access.record-opened", "professional-access.record-opened"]);
  });
});

describe("the record's documents, by pages", () => {
  it("pages what the professional may see, as the patient's list does: 50 a page, newest first, a page past the end is the last", async () => {
    const patient = await createSignedInPerson();
    const actor = await doctor();
    await setAccess(patient.id, actor.professional.id, "authorised");
    // 51 visible documents, one a day, and masked ones that no page may count or show.
    const day = (index: number) => new Date(Date.UTC(2026, 0, 1 + index)).toISOString().slice(0, 10);
    const row = (index: number, isHiddenFromProfessionals: boolean) => ({
      personId: patient.id,
      title: `${isHiddenFromProfessionals ? "Masqué" : "Visible"} ${String(index).padStart(2, "0")}`,
      documentDate: day(index),
      category: "CPT_REND" as const,
      typeCode: "11488-4",
      authorKind: "establishment" as const,
      authorName: "CHU de Lyon",
      mediaType: "text/plain",
      byteSize: 10,
      storage: "database" as const,
      storageKey: randomUUID(),
      masterKeyId: "test",
      wrappedDataKey: new Uint8Array(),
      isHiddenFromProfessionals,
    });
    await getDb()
      .insert(documents)
      .values([...Array.from({ length: 51 }, (_, index) => row(index, false)), ...Array.from({ length: 3 }, (_, index) => row(index, true))]);
    const pageOf = async (page: number) => {
      const record = await openPatientRecord({ actor, personId: patient.id, now: LATER, page });
      if (record.status !== "found") throw new Error(record.status);
      return record.documentPage;
    };
    const first = await pageOf(1);
    expect([first.total, first.page, first.pageCount, first.documents.length]).toEqual([51, 1, 2, 50]);
    expect(first.documents[0]?.title).toBe("Visible 50");
    const second = await pageOf(2);
    expect([second.page, second.documents.map((document) => document.title)]).toEqual([2, ["Visible 00"]]);
    expect((await pageOf(9)).page).toBe(2);
    // Together the pages hold each visible document once, and no masked one.
    const titles = [...first.documents, ...second.documents].map((document) => document.title);
    expect(new Set(titles).size).toBe(51);
    expect(titles.some((title) => title.startsWith("Masqué"))).toBe(false);
  });
});

describe("« Accès en urgence »", () => {
  it("requires a reason, with French messages, and changes nothing without one", async () => {
    const patient = await createSignedInPerson();
    const actor = await doctor();
    expect(await openEmergencyAccess({ actor, personId: patient.id, values: { reason: "  " }, now: NOW })).toEqual({
      status: "invalid",
      errors: { reason: "Saisissez le motif de l'accès en urgence." },
    });
    expect(await openEmergencyAccess({ actor, personId: patient.id, values: { reason: "court" }, now: NOW })).toMatchObject({
      errors: { reason: "Le motif doit compter au moins 10 caractères." },
    });
    expect(await openEmergencyAccess({ actor, personId: patient.id, values: { reason: "x".repeat(501) }, now: NOW })).toMatchObject({
      errors: { reason: "Le motif ne peut pas dépasser 500 caractères." },
    });
    expect(await getDb().select().from(emergencyAccesses).where(eq(emergencyAccesses.personId, patient.id))).toEqual([]);
  });

  it("opens the record for its duration, marked in the history, with an e-mail at each access and none of health", async () => {
    const { patient, visible, masked } = await patientWithDocuments();
    const actor = await doctor();
    const opened = await openEmergencyAccess({ actor, personId: patient.id, values: { reason: "Patient inconscient aux urgences" }, now: NOW });
    expect(opened).toEqual({ status: "opened", endsAt: new Date(NOW.getTime() + EMERGENCY_ACCESS_DURATION_MS) });
    const [access] = await getDb().select().from(emergencyAccesses).where(eq(emergencyAccesses.personId, patient.id));
    expect(access).toMatchObject({ kind: "other_professional", reason: "Patient inconscient aux urgences", startedAt: NOW });
    // Masked documents stay out unless the patient's « Documents masqués » is on.
    expect(await titlesSeenBy(actor, patient.id)).toEqual(["Visible"]);
    await readPatientDocumentContent({ actor, personId: patient.id, documentId: visible, purpose: "open", now: LATER });
    const professionalEvents = (await eventsOf(patient.id)).filter((event) => event.actorKind === "professional");
    expect(professionalEvents.map((event) => [event.action, event.isEmergency])).toEqual([
      ["professional-access.emergency-opened", true],
      ["professional-access.record-opened", true],
      ["professional-access.document-opened", true],
    ]);
    await openEmergencyAccess({ actor, personId: patient.id, values: { reason: "Détresse respiratoire nocturne" }, now: LATER });
    const mails = (await mailsTo(patient.email)).filter((mail) => mail.template === "professional-emergency-access");
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expect(mail.textBody).toContain(actor.professional.fullName);
      expect(mail.textBody).not.toMatch(/inconscient|respiratoire|Visible|Masqué|Compte rendu/);
    }
    // No consent row: the emergency is its own notice, no "premier accès" e-mail.
    expect((await mailsTo(patient.email)).filter((mail) => mail.template === "professional-first-access")).toEqual([]);
    await getDb().insert(emergencyAccessSettings).values({ personId: patient.id, includesMaskedDocuments: true });
    expect(await titlesSeenBy(actor, patient.id)).toEqual(["Masqué", "Visible"]);
    expect(await readPatientDocumentContent({ actor, personId: patient.id, documentId: masked, purpose: "open", now: LATER })).toMatchObject({ status: "found" });
  });

  it("is refused when the matching switch is off, or to a blocked professional, and writes nothing", async () => {
    const patient = await createSignedInPerson();
    const samu = await doctor({ isEmergencyMedicalService: true });
    const other = await doctor();
    const blocked = await doctor();
    await setAccess(patient.id, blocked.professional.id, "blocked");
    await getDb().insert(emergencyAccessSettings).values({ personId: patient.id, allowsEmergencyMedicalService: false });
    const before = (await eventsOf(patient.id)).length;
    const values = { reason: "Détresse respiratoire à domicile" };
    expect(await openEmergencyAccess({ actor: samu, personId: patient.id, values, now: NOW })).toEqual({ status: "refused-by-patient" });
    expect(await openEmergencyAccess({ actor: blocked, personId: patient.id, values, now: NOW })).toEqual({ status: "blocked" });
    expect(await openEmergencyAccess({ actor: other, personId: patient.id, values, now: NOW })).toMatchObject({ status: "opened" });
    const rows = await getDb().select().from(emergencyAccesses).where(eq(emergencyAccesses.personId, patient.id));
    expect(rows.map((row) => [row.professionalId, row.kind])).toEqual([[other.professional.id, "other_professional"]]);
    expect(await eventsOf(patient.id)).toHaveLength(before + 1);
    // Turning the switch off ends a live access at once.
    await getDb().update(emergencyAccessSettings).set({ allowsOtherProfessionals: false }).where(eq(emergencyAccessSettings.personId, patient.id));
    expect(await titlesSeenBy(other, patient.id)).toBe("no-access");
  });
});

describe("« Accès en urgence » by a SAMU professional", () => {
  it("falls under the « SAMU » switch, whatever « Autres professionnels de santé » says, and downloads are events too", async () => {
    const { patient, visible } = await patientWithDocuments();
    const samu = await doctor({ isEmergencyMedicalService: true });
    await getDb().insert(emergencyAccessSettings).values({ personId: patient.id, allowsOtherProfessionals: false });
    expect(await openEmergencyAccess({ actor: samu, personId: patient.id, values: { reason: "Intervention SMUR à domicile" }, now: NOW })).toMatchObject({
      status: "opened",
    });
    const [access] = await getDb().select().from(emergencyAccesses).where(eq(emergencyAccesses.personId, patient.id));
    expect(access?.kind).toBe("emergency_medical_service");
    expect(await openPatientRecord({ actor: samu, personId: patient.id, now: LATER })).toMatchObject({ status: "found", isEmergency: true });
    expect(await readPatientDocumentContent({ actor: samu, personId: patient.id, documentId: visible, purpose: "download", now: LATER })).toMatchObject({
      status: "found",
    });
    const last = (await eventsOf(patient.id)).at(-1);
    expect(last).toMatchObject({ action: "professional-access.document-downloaded", isEmergency: true, targetId: visible });
    // Past its end, the record is closed again.
    const ended = new Date(NOW.getTime() + EMERGENCY_ACCESS_DURATION_MS);
    expect((await openPatientRecord({ actor: samu, personId: patient.id, now: ended })).status).toBe("no-access");
  });
});

describe("the first access e-mail", () => {
  it("goes once per professional, at their first read, without health content", async () => {
    const { patient } = await patientWithDocuments();
    const first = await doctor();
    const second = await doctor();
    for (const actor of [first, second]) await recordConsent({ actor, personId: patient.id, now: NOW });
    expect(await mailsTo(patient.email)).toEqual([]);
    await openPatientRecord({ actor: first, personId: patient.id, now: LATER });
    await openPatientRecord({ actor: first, personId: patient.id, now: LATER });
    await openPatientRecord({ actor: second, personId: patient.id, now: LATER });
    const mails = (await mailsTo(patient.email)).filter((mail) => mail.template === "professional-first-access");
    expect(mails).toHaveLength(2);
    expect(mails.every((mail) => !/Visible|Masqué|Compte rendu/.test(mail.textBody ?? ""))).toBe(true);
    const rows = await getDb().select().from(professionalAccesses).where(eq(professionalAccesses.personId, patient.id));
    expect(rows.every((row) => row.firstAccessNotifiedAt?.getTime() === LATER.getTime())).toBe(true);
  });
});

describe("a professional's deposit", () => {
  const fields = { title: "Compte rendu de consultation", documentDate: "15/06/2026", typeCode: "11502-2" };

  it("adds the document with the professional as author, the patient's default masking, and its event", async () => {
    const patient = await createSignedInPerson();
    const actor = await doctor();
    await setAccess(patient.id, actor.professional.id, "authorised");
    await getDb().execute(sql`insert into document_settings (person_id, hide_new_documents_from_professionals) values (${patient.id}, true)`);
    const result = await depositDocument({ actor, personId: patient.id, values: fields, file: { name: "cr.pdf", bytes: PDF }, now: NOW });
    if (result.status !== "added") throw new Error(JSON.stringify(result));
    const [row] = await getDb().select().from(documents).where(eq(documents.id, result.documentId));
    expect(row).toMatchObject({
      authorKind: "professional",
      authorProfessionalId: actor.professional.id,
      authorName: actor.professional.fullName,
      typeCode: "11502-2",
      category: "BIOLOGIE",
      isHiddenFromProfessionals: true,
      documentDate: "2026-06-15",
      mediaType: "application/pdf",
    });
    expect(documentCapabilities({ authorKind: row!.authorKind, reportedAt: null })).toEqual({
      mayEdit: false,
      mayDelete: false,
      mayChangeVisibility: true,
      mayPin: true,
      mayMove: true,
      mayReport: true,
    });
    // Masked by default, yet its author reads it; another authorised professional does not.
    expect(await titlesSeenBy(actor, patient.id)).toEqual(["Compte rendu de consultation"]);
    const colleague = await doctor();
    await setAccess(patient.id, colleague.professional.id, "authorised");
    expect(await titlesSeenBy(colleague, patient.id)).toEqual([]);
    const [event] = (await eventsOf(patient.id)).filter((candidate) => candidate.action === "documents.added");
    expect(event).toMatchObject({ actorKind: "professional", onBehalfOf: "professional", group: "health_documents", targetId: result.documentId });
  });

  it("a blocked professional may still deposit; one without any standing may not, and nothing is written", async () => {
    const patient = await createSignedInPerson();
    const blocked = await doctor();
    const stranger = await doctor();
    await setAccess(patient.id, blocked.professional.id, "blocked");
    // « Ajouter un document » opens for the blocked one, reading nothing of the record: no event.
    const before = (await eventsOf(patient.id)).length;
    expect(await mayDepositTo({ actor: blocked, personId: patient.id, now: NOW })).toBe(true);
    expect(await mayDepositTo({ actor: stranger, personId: patient.id, now: NOW })).toBe(false);
    expect(await eventsOf(patient.id)).toHaveLength(before);
    expect(await depositDocument({ actor: blocked, personId: patient.id, values: fields, file: { name: "cr.pdf", bytes: PDF }, now: NOW })).toMatchObject({
      status: "added",
    });
    expect(await depositDocument({ actor: stranger, personId: patient.id, values: fields, file: { name: "cr.pdf", bytes: PDF }, now: NOW })).toEqual({
      status: "not-found",
    });
    const rows = await getDb().select().from(documents).where(eq(documents.personId, patient.id));
    expect(rows.map((row) => row.authorProfessionalId)).toEqual([blocked.professional.id]);
  });

  it("refuses bad fields with French messages, a patient's own type, and a file that lies about its type", async () => {
    const patient = await createSignedInPerson();
    const actor = await doctor();
    await setAccess(patient.id, actor.professional.id, "authorised");
    const result = await depositDocument({
      actor,
      personId: patient.id,
      values: { title: "", documentDate: "31/02/2026", typeCode: "DOCPAT03" },
      file: { name: "cr.txt", bytes: PDF },
      now: NOW,
    });
    expect(result).toEqual({
      status: "invalid",
      errors: {
        title: "Saisissez un titre.",
        documentDate: "La date du document doit être une date réelle au format JJ/MM/AAAA.",
        typeCode: "Choisissez le type du document.",
        file: expect.stringContaining("ne correspond pas à son contenu"),
      },
    });
    expect(await getDb().select().from(documents).where(and(eq(documents.personId, patient.id)))).toEqual([]);
  });
});
