import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accessMatrixEntries, activityEvents, notifications, outgoingMessages, professionalAccesses, spaces } from "@/db/schema";
import type { Actor } from "@/lib/access/actor";
import { createRepresentation } from "@/lib/access/representations";
import {
  countUnreadNotifications,
  deleteNotification,
  findEmailPreferences,
  findNotificationPage,
  findNotificationPath,
  markAllNotificationsRead,
  markNotification,
  notificationRules,
  saveEmailPreferences,
} from "@/lib/notifications/centre";
import { notify } from "@/lib/notifications/notify";
import { emailPreferencesSchema, encodeNotificationCursor, notificationCursorSchema } from "@/lib/notifications/schemas";
import { depositDocument } from "@/lib/professional-access/deposit";
import { openEmergencyAccess } from "@/lib/professional-access/emergency";
import { openPatientRecord } from "@/lib/professional-access/reading";
import { createActiveAccount, createDocument, createInsuredPerson, createProfessional, createSignedInPerson, signInAs } from "@/tests/support/factories";

const NOW = new Date("2026-07-01T09:00:00Z");
const LATER = new Date("2026-07-01T10:00:00Z");
const DOCTOR = "10";
const DEPOSIT_TYPE = "11502-2";
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const DEPOSIT = { title: "Compte rendu de consultation", documentDate: "15/06/2026", typeCode: DEPOSIT_TYPE };
const ALL_ON = { newDocument: true, newMessage: true, prevention: true, screenings: true, connectedServices: true };

beforeAll(async () => {
  await getDb()
    .insert(accessMatrixEntries)
    .values({ professionCode: DOCTOR, documentTypeCode: DEPOSIT_TYPE, isAccessible: true })
    .onConflictDoUpdate({ target: [accessMatrixEntries.professionCode, accessMatrixEntries.documentTypeCode], set: { isAccessible: sql`excluded.is_accessible` } });
});

async function doctor() {
  return (await createProfessional({ professionCode: DOCTOR })).actor;
}

async function mailsTo(recipient: string | null, template: string) {
  return getDb()
    .select()
    .from(outgoingMessages)
    .where(and(eq(outgoingMessages.recipient, recipient ?? ""), eq(outgoingMessages.template, template)));
}

async function centreOf(personId: string) {
  return getDb().select().from(notifications).where(eq(notifications.personId, personId));
}

/** A document added by a doctor the patient authorised. */
async function deposit(personId: string) {
  const actor = await doctor();
  await getDb().insert(professionalAccesses).values({ personId, professionalId: actor.professional.id, status: "authorised", statusSince: NOW });
  const result = await depositDocument({ actor, personId, values: DEPOSIT, file: { name: "cr.pdf", bytes: PDF }, now: NOW });
  if (result.status !== "added") throw new Error(JSON.stringify(result));
  return result.documentId;
}

async function arrive(personId: string, title: string, at: Date, dedupeKey?: string) {
  return notify(getDb(), { personId, kind: "document_added", title, path: "/documents", at, dedupeKey });
}

async function eventsOf(personId: string, action: string) {
  return getDb()
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.subjectPersonId, personId), eq(activityEvents.action, action)));
}

describe("senders go through notify and honour the profile's switches", () => {
  it("a professional's document arrives in the centre, leads to it, and is e-mailed without its title", async () => {
    const patient = await createSignedInPerson();
    const documentId = await deposit(patient.id);
    const [notification] = await centreOf(patient.id);
    expect(notification).toMatchObject({
      kind: "document_added",
      title: "Nouveau document : Compte rendu de consultation",
      path: `/documents/${documentId}`,
      actorName: "Dr Anne Leroy",
      targetType: "document",
      targetId: documentId,
      readAt: null,
    });
    const [mail] = await mailsTo(patient.email, "document-added");
    expect(mail?.subject).toBe("Un nouveau document est disponible dans Mon espace santé");
    expect(mail?.textBody).not.toMatch(/Compte rendu|Leroy/);
  });

  it("with « Documents » switched off: the notification arrives, the e-mail does not", async () => {
    const patient = await createSignedInPerson();
    await saveEmailPreferences({ actor: patient.actor, preferences: { ...ALL_ON, newDocument: false }, now: NOW });
    await deposit(patient.id);
    expect(await centreOf(patient.id)).toHaveLength(1);
    expect(await mailsTo(patient.email, "document-added")).toEqual([]);
  });

  it("access e-mails have no switch: first access and every emergency access are sent with every switch off", async () => {
    const patient = await createSignedInPerson();
    await saveEmailPreferences({ actor: patient.actor, preferences: emailPreferencesSchema.parse({}), now: NOW });
    expect(await findEmailPreferences({ actor: patient.actor })).toEqual({
      newDocument: false,
      newMessage: false,
      prevention: false,
      screenings: false,
      connectedServices: false,
    });
    const first = await doctor();
    await getDb().insert(professionalAccesses).values({ personId: patient.id, professionalId: first.professional.id, status: "authorised", statusSince: NOW });
    await openPatientRecord({ actor: first, personId: patient.id, now: LATER });
    await openPatientRecord({ actor: first, personId: patient.id, now: LATER });
    const samu = (await createProfessional({ professionCode: DOCTOR, isEmergencyMedicalService: true })).actor;
    for (const at of [NOW, LATER]) {
      expect(await openEmergencyAccess({ actor: samu, personId: patient.id, values: { reason: "Malaise sur la voie publique" }, now: at })).toMatchObject({
        status: "opened",
      });
    }
    expect(await mailsTo(patient.email, "professional-first-access")).toHaveLength(1);
    expect(await mailsTo(patient.email, "professional-emergency-access")).toHaveLength(2);
    const kinds = (await centreOf(patient.id)).map((row) => row.kind).sort();
    expect(kinds).toEqual(["emergency_access", "emergency_access", "professional_access"]);
    const [access] = (await centreOf(patient.id)).filter((row) => row.kind === "professional_access");
    expect(access).toMatchObject({ title: "Dr Anne Leroy (Médecin) a accédé pour la première fois au dossier", path: "/autorisations" });
  });

  it("a child's profile is told to its legal representatives, each greeted by name, and the notice names the child", async () => {
    const mother = await createActiveAccount();
    const father = await createActiveAccount();
    const child = await createInsuredPerson({ firstNames: "Zoé", email: null, mobile: null });
    await getDb().update(spaces).set({ status: "active" }).where(eq(spaces.personId, child.id));
    for (const parent of [mother, father]) {
      await createRepresentation(getDb(), {
        actorAccountId: parent.accountId,
        subjectPersonId: child.id,
        basis: "legal_representative",
        source: "register",
        now: new Date("2026-01-01T00:00:00Z"),
      });
    }
    await deposit(child.id);
    for (const parent of [mother, father]) {
      const [mail] = await mailsTo(parent.email, "document-added");
      expect(mail?.textBody).toContain(`Bonjour ${parent.person.firstNames.split(" ")[0]},`);
      expect(mail?.textBody).toContain("dans le profil Mon espace santé de Zoé");
    }
    expect(await centreOf(child.id)).toHaveLength(1);
  });
});

describe("the dedupe key", () => {
  it("drops a second notification with the same key, and its e-mail", async () => {
    const patient = await createSignedInPerson();
    const notice = {
      template: "test-reminder",
      compose: () => ({ email: { subject: "Rappel", text: "Rappel", html: "<p>Rappel</p>" }, sms: { text: "Rappel" } }),
    };
    const input = { personId: patient.id, kind: "agenda_reminder" as const, title: "Rappel", path: "/accueil", dedupeKey: `test:${patient.id}`, notice };
    expect(await notify(getDb(), { ...input, at: NOW })).toBe(true);
    expect(await notify(getDb(), { ...input, at: LATER })).toBe(false);
    expect(await centreOf(patient.id)).toHaveLength(1);
    expect(await mailsTo(patient.email, "test-reminder")).toHaveLength(1);
  });
});

describe("the centre of a profile", () => {
  it("lists newest first by pages, counts the unread, and reads, unreads, deletes and marks all read with their events", async () => {
    const patient = await createSignedInPerson();
    const { actor } = patient;
    const total = notificationRules.pageSize + 3;
    for (let index = 0; index < total; index += 1) await arrive(patient.id, `Notification ${index}`, new Date(NOW.getTime() + index * 60_000));
    expect(await countUnreadNotifications({ actor })).toBe(total);

    const first = await findNotificationPage({ actor, cursor: null });
    expect(first.notifications[0]?.title).toBe(`Notification ${total - 1}`);
    expect(first.notifications).toHaveLength(notificationRules.pageSize);
    expect(first.notifications[0]).toMatchObject({ linkLabel: "Voir le document", isRead: false });
    const cursor = notificationCursorSchema.parse(first.olderCursor);
    const second = await findNotificationPage({ actor, cursor });
    expect(second.notifications.map((row) => row.title)).toEqual(["Notification 2", "Notification 1", "Notification 0"]);
    expect(second.olderCursor).toBeNull();
    // A cursor past the end gives the first page.
    const past = await findNotificationPage({ actor, cursor: notificationCursorSchema.parse(encodeNotificationCursor({ createdAt: NOW, id: second.notifications[2]!.id })) });
    expect(past.isFirstPage).toBe(true);

    const newest = first.notifications[0]!.id;
    expect(await markNotification({ actor, notificationId: newest, isRead: true, now: LATER })).toEqual({ status: "done" });
    expect(await markNotification({ actor, notificationId: newest, isRead: true, now: LATER })).toEqual({ status: "done" });
    expect(await countUnreadNotifications({ actor })).toBe(total - 1);
    expect(await eventsOf(patient.id, "notifications.read")).toHaveLength(1);
    expect(await markNotification({ actor, notificationId: newest, isRead: false, now: LATER })).toEqual({ status: "done" });
    expect(await eventsOf(patient.id, "notifications.unread")).toHaveLength(1);
    expect(await deleteNotification({ actor, notificationId: newest, now: LATER })).toEqual({ status: "done" });
    expect(await deleteNotification({ actor, notificationId: newest, now: LATER })).toEqual({ status: "not-found" });
    expect(await eventsOf(patient.id, "notifications.deleted")).toHaveLength(1);
    expect(await markAllNotificationsRead({ actor, now: LATER })).toEqual({ status: "done", marked: total - 1 });
    expect(await markAllNotificationsRead({ actor, now: LATER })).toEqual({ status: "done", marked: 0 });
    expect(await eventsOf(patient.id, "notifications.all-read")).toHaveLength(1);
    expect(await countUnreadNotifications({ actor })).toBe(0);
  });

  it("answers « not found » for another patient's notification, and changes nothing", async () => {
    const owner = await createSignedInPerson();
    const stranger = await createSignedInPerson();
    await arrive(owner.id, "Chez le propriétaire", NOW);
    const [notification] = await centreOf(owner.id);
    const notificationId = notification!.id;
    const actor = stranger.actor;
    expect(await findNotificationPath({ actor, notificationId })).toBeNull();
    expect(await markNotification({ actor, notificationId, isRead: true, now: LATER })).toEqual({ status: "not-found" });
    expect(await deleteNotification({ actor, notificationId, now: LATER })).toEqual({ status: "not-found" });
    expect(await markAllNotificationsRead({ actor, now: LATER })).toEqual({ status: "done", marked: 0 });
    expect((await findNotificationPage({ actor, cursor: null })).notifications).toEqual([]);
    expect(await countUnreadNotifications({ actor })).toBe(0);
    expect(await centreOf(owner.id)).toMatchObject([{ id: notificationId, readAt: null }]);
    expect(await eventsOf(stranger.id, "notifications.read")).toEqual([]);
  });

  it("shows a parent their child's centre, except the notice of a document hidden from legal representatives", async () => {
    const parent = await createActiveAccount();
    const child = await createInsuredPerson({ firstNames: "Zoé", email: null, mobile: null });
    await createRepresentation(getDb(), {
      actorAccountId: parent.accountId,
      subjectPersonId: child.id,
      basis: "legal_representative",
      source: "register",
      now: new Date("2026-01-01T00:00:00Z"),
    });
    const own = await signInAs(parent.accountId, NOW);
    // The actor a request carries once "Changer de profil" opened the child's space.
    const asParent: Actor = { ...own, subject: { ...own.subject, personId: child.id, basis: "legal_representative" } };
    const hidden = await createDocument(child.id, { isHiddenFromLegalRepresentatives: true });
    const notice = {
      template: "document-added",
      compose: () => ({ email: { subject: "Nouveau", text: "Nouveau", html: "<p>Nouveau</p>" }, sms: { text: "Nouveau" } }),
    };
    const secretNotice = { personId: child.id, kind: "document_added" as const, title: "Secret", path: "/documents", notice, at: NOW };
    await notify(getDb(), { ...secretNotice, target: { type: "document", id: hidden.id } });
    // Its e-mail is not sent to the representatives either; a notice about a visible document is.
    expect(await mailsTo(parent.email, "document-added")).toEqual([]);
    const visible = await createDocument(child.id);
    await notify(getDb(), { ...secretNotice, title: "Autre", target: { type: "document", id: visible.id } });
    expect(await mailsTo(parent.email, "document-added")).toHaveLength(1);
    await arrive(child.id, "Visible", LATER);
    expect((await findNotificationPage({ actor: asParent, cursor: null })).notifications.map((row) => row.title)).toEqual(["Visible", "Autre"]);
    expect(await countUnreadNotifications({ actor: asParent })).toBe(2);
    const secret = (await centreOf(child.id)).find((row) => row.title === "Secret")!;
    expect(await markNotification({ actor: asParent, notificationId: secret.id, isRead: true, now: LATER })).toEqual({ status: "not-found" });
    // The parent's own centre holds nothing of the child's.
    expect((await findNotificationPage({ actor: own, cursor: null })).notifications).toEqual([]);
  });
});

describe("« Préférences de notification »", () => {
  it("starts with every switch on, saves the five at once with one event, and refuses what a switch cannot be", async () => {
    const patient = await createSignedInPerson();
    expect(await findEmailPreferences({ actor: patient.actor })).toEqual(ALL_ON);
    const parsed = emailPreferencesSchema.parse({ newMessage: "on", prevention: "on" });
    expect(parsed).toEqual({ newDocument: false, newMessage: true, prevention: true, screenings: false, connectedServices: false });
    expect(await saveEmailPreferences({ actor: patient.actor, preferences: parsed, now: NOW })).toEqual({ status: "done", isChanged: true });
    expect(await saveEmailPreferences({ actor: patient.actor, preferences: parsed, now: LATER })).toEqual({ status: "done", isChanged: false });
    expect(await findEmailPreferences({ actor: patient.actor })).toEqual(parsed);
    expect(await eventsOf(patient.id, "notifications.preferences-changed")).toHaveLength(1);
    expect(emailPreferencesSchema.safeParse({ newDocument: "yes" }).success).toBe(false);
  });
});
