import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  activityEvents,
  conversations,
  documentObjects,
  documents,
  emailPreferences,
  emergencyAccesses,
  messageAttachments,
  messages,
  notifications,
  outgoingMessages,
  professionalAccesses,
} from "@/db/schema";
import type { UploadedFile } from "@/lib/documents/upload";
import { readPatientAttachment, readProfessionalAttachment } from "@/lib/messaging/attachment-content";
import { closeConversation, replyAsPatient, startConversationAsPatient, startConversationAsProfessional, writeAsProfessional } from "@/lib/messaging/mailbox";
import { countProfessionalUnread, findProfessionalConversations, openProfessionalConversation } from "@/lib/messaging/professional-queries";
import { countUnreadMessages, findConversation, findCorrespondents, openConversation } from "@/lib/messaging/queries";
import { MAX_MESSAGE_ATTACHMENT_BYTES } from "@/lib/messaging/rules";
import { saveAttachmentToDocuments } from "@/lib/messaging/save-to-documents";
import { createDocumentFolder, createProfessional, createSignedInPerson } from "@/tests/support/factories";

const NOW = new Date("2026-07-01T09:00:00Z");
const LATER = new Date("2026-07-01T10:00:00Z");
const LATEST = new Date("2026-07-01T11:00:00Z");

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const SECRET_TEXT = "Résultat : glycémie à jeun 1,32 g/L, à recontrôler.";
const noFiles = { files: [] as UploadedFile[] };
const withFiles = (...files: UploadedFile[]) => ({ files });

async function authorised(personId: string, professionalId: string, status: "authorised" | "blocked" | "withdrawn" = "authorised") {
  await getDb().insert(professionalAccesses).values({ personId, professionalId, status, isAdministrator: false, statusSince: NOW });
}

/** A patient and a professional they authorised, who writes first: the conversation's id. */
async function exchange(options: { files?: UploadedFile[] } = {}) {
  const patient = await createSignedInPerson();
  const pro = await createProfessional();
  await authorised(patient.id, pro.professional.id);
  const sent = await startConversationAsProfessional({
    actor: pro.actor,
    personId: patient.id,
    values: { subject: "Vos résultats", body: SECRET_TEXT },
    form: withFiles(...(options.files ?? [])),
    now: NOW,
  });
  if (sent.status !== "sent") throw new Error(`not sent: ${sent.status}`);
  return { patient, pro, conversationId: sent.conversationId };
}

async function eventsOf(personId: string) {
  return getDb().select().from(activityEvents).where(eq(activityEvents.subjectPersonId, personId)).orderBy(activityEvents.sequence);
}

describe("who may start a conversation", () => {
  it("lets a professional the patient authorised write first, unread for the patient, read on their own side", async () => {
    const { patient, pro, conversationId } = await exchange();
    expect(await countUnreadMessages({ actor: patient.actor })).toBe(2); // the welcome message and this one
    expect(await countProfessionalUnread({ actor: pro.actor })).toBe(0);
    const [conversation] = await getDb().select().from(conversations).where(eq(conversations.id, conversationId));
    expect(conversation).toMatchObject({ personId: patient.id, professionalId: pro.professional.id, counterpartName: pro.actor.professional.fullName, closedAt: null });
    const sent = (await eventsOf(patient.id)).filter((event) => event.action === "messaging.message-sent");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ actorKind: "professional", actorName: `${pro.actor.professional.fullName} (Médecin)`, targetId: conversationId });
  });

  it("refuses a professional without consent, a withdrawn one and a blocked one, as not found", async () => {
    const patient = await createSignedInPerson();
    const values = { subject: "Bonjour", body: "Un message" };
    const stranger = await createProfessional();
    expect(await startConversationAsProfessional({ actor: stranger.actor, personId: patient.id, values, form: noFiles, now: NOW })).toEqual({ status: "not-found" });
    const withdrawn = await createProfessional();
    await authorised(patient.id, withdrawn.professional.id, "withdrawn");
    expect(await startConversationAsProfessional({ actor: withdrawn.actor, personId: patient.id, values, form: noFiles, now: NOW })).toEqual({ status: "not-found" });
    const blocked = await createProfessional();
    await authorised(patient.id, blocked.professional.id, "blocked");
    expect(await startConversationAsProfessional({ actor: blocked.actor, personId: patient.id, values, form: noFiles, now: NOW })).toEqual({ status: "not-found" });
    expect(await startConversationAsProfessional({ actor: stranger.actor, personId: "not-a-uuid", values, form: noFiles, now: NOW })).toEqual({ status: "not-found" });
    expect(await getDb().$count(conversations, eq(conversations.personId, patient.id))).toBe(1); // the welcome only
  });

  it("lets a professional in a live emergency access write, marked as an emergency in the history", async () => {
    const patient = await createSignedInPerson();
    const pro = await createProfessional();
    await getDb()
      .insert(emergencyAccesses)
      .values({ personId: patient.id, professionalId: pro.professional.id, kind: "other_professional", reason: "Patient inconscient", startedAt: NOW, endsAt: LATEST });
    const sent = await startConversationAsProfessional({ actor: pro.actor, personId: patient.id, values: { subject: "Urgence", body: "Suite à votre prise en charge" }, form: noFiles, now: LATER });
    expect(sent.status).toBe("sent");
    const [event] = (await eventsOf(patient.id)).filter((row) => row.action === "messaging.message-sent");
    expect(event?.isEmergency).toBe(true);
  });

  it("answers bad fields on their field, and writes nothing", async () => {
    const patient = await createSignedInPerson();
    const pro = await createProfessional();
    await authorised(patient.id, pro.professional.id);
    const result = await startConversationAsProfessional({ actor: pro.actor, personId: patient.id, values: { subject: " ", body: "x".repeat(5001) }, form: noFiles, now: NOW });
    expect(result).toEqual({ status: "invalid", errors: { subject: "Saisissez un objet.", body: "Le message ne peut pas dépasser 5000 caractères." } });
    expect(await getDb().$count(conversations, eq(conversations.personId, patient.id))).toBe(1);
  });

  it("lets the patient start a conversation only with a professional who already wrote to them", async () => {
    const { patient, pro } = await exchange();
    const other = await createProfessional({ lastName: "Martin" });
    const values = { subject: "Une question", body: "Bonjour docteur" };
    expect(await findCorrespondents({ actor: patient.actor })).toEqual([{ professionalId: pro.professional.id, name: pro.actor.professional.fullName }]);
    expect(await startConversationAsPatient({ actor: patient.actor, professionalId: other.professional.id, values, form: noFiles, now: LATER })).toEqual({ status: "not-found" });
    // Another patient's id is no professional of theirs either: no patient-to-patient messages.
    const someoneElse = await createSignedInPerson();
    expect(await startConversationAsPatient({ actor: patient.actor, professionalId: someoneElse.id, values, form: noFiles, now: LATER })).toEqual({ status: "not-found" });
    const started = await startConversationAsPatient({ actor: patient.actor, professionalId: pro.professional.id, values, form: noFiles, now: LATER });
    expect(started.status).toBe("sent");
    const list = await findProfessionalConversations({ actor: pro.actor });
    expect(list.map((conversation) => conversation.subject).sort()).toEqual(["Une question", "Vos résultats"]);
    expect(await countProfessionalUnread({ actor: pro.actor })).toBe(1);
  });

  it("gives a patient nobody wrote to no one to write to", async () => {
    const patient = await createSignedInPerson();
    expect(await findCorrespondents({ actor: patient.actor })).toEqual([]);
  });
});

describe("replying, closing and reopening", () => {
  it("lets the patient reply: unread for the professional, read for the patient, recorded under the patient's name", async () => {
    const { patient, pro, conversationId } = await exchange();
    await openConversation({ actor: patient.actor, conversationId, now: NOW });
    const reply = await replyAsPatient({ actor: patient.actor, conversationId, values: { body: "Merci docteur" }, form: noFiles, now: LATER });
    expect(reply).toEqual({ status: "sent", conversationId });
    expect(await countUnreadMessages({ actor: patient.actor })).toBe(1); // the welcome, never opened
    expect(await countProfessionalUnread({ actor: pro.actor })).toBe(1);
    const opened = await openProfessionalConversation({ actor: pro.actor, conversationId, now: LATEST });
    expect(opened?.newlyReadCount).toBe(1);
    expect(opened?.messages.map((message) => message.body)).toEqual([SECRET_TEXT, "Merci docteur"]);
    expect(await countProfessionalUnread({ actor: pro.actor })).toBe(0);
    const events = await eventsOf(patient.id);
    expect(events.filter((event) => event.action === "messaging.message-read").map((event) => event.actorKind)).toEqual(["patient", "professional"]);
    expect(events.filter((event) => event.action === "messaging.message-sent").map((event) => event.actorKind)).toEqual(["professional", "patient"]);
  });

  it("refuses the patient's reply once the professional closed the exchange, until they write again", async () => {
    const { patient, pro, conversationId } = await exchange();
    expect(await closeConversation({ actor: pro.actor, conversationId, now: LATER })).toEqual({ status: "closed" });
    expect(await closeConversation({ actor: pro.actor, conversationId, now: LATER })).toEqual({ status: "already-closed" });
    expect((await findConversation({ actor: patient.actor, conversationId }))?.mayReply).toBe(false);
    expect(await replyAsPatient({ actor: patient.actor, conversationId, values: { body: "Encore une question" }, form: noFiles, now: LATER })).toEqual({ status: "closed" });
    expect(await getDb().$count(messages, eq(messages.conversationId, conversationId))).toBe(1);
    // The professional writes again: the exchange is open again.
    expect((await writeAsProfessional({ actor: pro.actor, conversationId, values: { body: "Une précision" }, form: noFiles, now: LATEST })).status).toBe("sent");
    expect((await findConversation({ actor: patient.actor, conversationId }))?.mayReply).toBe(true);
    expect((await replyAsPatient({ actor: patient.actor, conversationId, values: { body: "Merci" }, form: noFiles, now: LATEST })).status).toBe("sent");
    expect((await eventsOf(patient.id)).some((event) => event.action === "messaging.conversation-closed" && event.actorKind === "professional")).toBe(true);
  });

  it("lets only the conversation's professional write in it or close it", async () => {
    const { pro, conversationId } = await exchange();
    const other = await createProfessional();
    expect(await writeAsProfessional({ actor: other.actor, conversationId, values: { body: "Intrus" }, form: noFiles, now: LATER })).toEqual({ status: "not-found" });
    expect(await closeConversation({ actor: other.actor, conversationId, now: LATER })).toEqual({ status: "not-found" });
    expect(await openProfessionalConversation({ actor: other.actor, conversationId, now: LATER })).toBeNull();
    expect((await openProfessionalConversation({ actor: pro.actor, conversationId, now: LATER }))?.mayWrite).toBe(true);
  });

  it("lets a professional whose consent was withdrawn go on in their conversation, and not one the patient blocked", async () => {
    const { patient, pro, conversationId } = await exchange();
    await getDb().update(professionalAccesses).set({ status: "withdrawn" }).where(eq(professionalAccesses.personId, patient.id));
    expect((await writeAsProfessional({ actor: pro.actor, conversationId, values: { body: "Suite" }, form: noFiles, now: LATER })).status).toBe("sent");
    await getDb().update(professionalAccesses).set({ status: "blocked" }).where(eq(professionalAccesses.personId, patient.id));
    expect(await writeAsProfessional({ actor: pro.actor, conversationId, values: { body: "Encore" }, form: noFiles, now: LATEST })).toEqual({ status: "not-found" });
    expect((await openProfessionalConversation({ actor: pro.actor, conversationId, now: LATEST }))?.mayWrite).toBe(false);
  });

  it("gives no reply to the service's welcome conversation, nor to someone else's conversation", async () => {
    const { patient, conversationId } = await exchange();
    const [welcome] = await getDb()
      .select()
      .from(conversations)
      .where(and(eq(conversations.personId, patient.id), eq(conversations.counterpartName, "Mon espace santé")));
    expect(await replyAsPatient({ actor: patient.actor, conversationId: welcome!.id, values: { body: "Bonjour" }, form: noFiles, now: LATER })).toEqual({ status: "not-found" });
    const stranger = await createSignedInPerson();
    expect(await replyAsPatient({ actor: stranger.actor, conversationId, values: { body: "Bonjour" }, form: noFiles, now: LATER })).toEqual({ status: "not-found" });
    expect(await findConversation({ actor: stranger.actor, conversationId })).toBeNull();
  });
});

describe("the notice of a new message", () => {
  it("arrives in the notification centre and by e-mail, without the subject, the text or who wrote", async () => {
    const { patient, pro, conversationId } = await exchange();
    const [notification] = await getDb().select().from(notifications).where(eq(notifications.personId, patient.id));
    expect(notification).toMatchObject({ kind: "message_received", path: `/messagerie/${conversationId}` });
    const mails = await getDb().select().from(outgoingMessages).where(and(eq(outgoingMessages.personId, patient.id), eq(outgoingMessages.template, "message-received")));
    expect(mails).toHaveLength(1);
    const mail = `${mails[0]!.subject} ${mails[0]!.textBody} ${mails[0]!.htmlBody}`;
    expect(mail).toContain("nouveau message");
    for (const secret of ["Vos résultats", "glycémie", pro.professional.lastName]) expect(mail).not.toContain(secret);
    // The patient's reply notifies nobody by e-mail.
    await replyAsPatient({ actor: patient.actor, conversationId, values: { body: "Merci" }, form: noFiles, now: LATER });
    expect(await getDb().$count(outgoingMessages, and(eq(outgoingMessages.personId, patient.id), eq(outgoingMessages.template, "message-received")))).toBe(1);
  });

  it("sends no e-mail when the patient switched « Messagerie » off, and still notifies in the centre", async () => {
    const patient = await createSignedInPerson();
    await getDb().insert(emailPreferences).values({ personId: patient.id, newMessage: false });
    const pro = await createProfessional();
    await authorised(patient.id, pro.professional.id);
    await startConversationAsProfessional({ actor: pro.actor, personId: patient.id, values: { subject: "Bonjour", body: "Message" }, form: noFiles, now: NOW });
    expect(await getDb().$count(outgoingMessages, and(eq(outgoingMessages.personId, patient.id), eq(outgoingMessages.template, "message-received")))).toBe(0);
    expect(await getDb().$count(notifications, eq(notifications.personId, patient.id))).toBe(1);
  });
});

describe("attachments", () => {
  it("stores each file encrypted, and gives it back to the patient and to the conversation's professional only", async () => {
    const text = Buffer.from(`${SECRET_TEXT}\n`);
    const { patient, pro, conversationId } = await exchange({ files: [{ name: "resultats.pdf", bytes: PDF }, { name: "note.txt", bytes: text }] });
    const rows = await getDb().select().from(messageAttachments).where(eq(messageAttachments.personId, patient.id));
    expect(rows.map((row) => [row.fileName, row.mediaType, row.byteSize]).sort()).toEqual([
      ["note.txt", "text/plain", text.byteLength],
      ["resultats.pdf", "application/pdf", PDF.byteLength],
    ]);
    const note = rows.find((row) => row.fileName === "note.txt")!;
    const [object] = await getDb().select().from(documentObjects).where(eq(documentObjects.key, note.storageKey));
    expect(Buffer.from(object!.bytes).includes(Buffer.from("glycémie"))).toBe(false);

    const read = await readPatientAttachment({ actor: patient.actor, conversationId, attachmentId: note.id, purpose: "download", now: LATER });
    expect(read).toMatchObject({ status: "found", title: "note", mediaType: "text/plain" });
    expect(read.status === "found" && read.bytes.toString()).toBe(text.toString());
    expect((await readProfessionalAttachment({ actor: pro.actor, conversationId, attachmentId: note.id, purpose: "open", now: LATER })).status).toBe("found");
    const events = (await eventsOf(patient.id)).filter((event) => event.action.startsWith("messaging.attachment-"));
    expect(events.map((event) => [event.action, event.actorKind])).toEqual([
      ["messaging.attachment-downloaded", "patient"],
      ["messaging.attachment-opened", "professional"],
    ]);

    const stranger = await createSignedInPerson();
    const otherPro = await createProfessional();
    expect(await readPatientAttachment({ actor: stranger.actor, conversationId, attachmentId: note.id, purpose: "open", now: LATER })).toEqual({ status: "not-found" });
    expect(await readProfessionalAttachment({ actor: otherPro.actor, conversationId, attachmentId: note.id, purpose: "open", now: LATER })).toEqual({ status: "not-found" });
  });

  it("refuses bytes that fail authentication", async () => {
    const { patient, conversationId } = await exchange({ files: [{ name: "resultats.pdf", bytes: PDF }] });
    const [row] = await getDb().select().from(messageAttachments).where(eq(messageAttachments.personId, patient.id));
    const tampered = Buffer.from(row!.wrappedDataKey);
    tampered[tampered.length - 1] = tampered[tampered.length - 1]! ^ 1;
    await getDb().update(messageAttachments).set({ wrappedDataKey: tampered }).where(eq(messageAttachments.id, row!.id));
    expect(await readPatientAttachment({ actor: patient.actor, conversationId, attachmentId: row!.id, purpose: "open", now: LATER })).toEqual({ status: "refused" });
  });

  it("applies the documents' type rules and the message's limits, and sends nothing when one file is refused", async () => {
    const patient = await createSignedInPerson();
    const pro = await createProfessional();
    await authorised(patient.id, pro.professional.id);
    const send = (files: UploadedFile[], extra: { hasTooManyFiles?: boolean } = {}) =>
      startConversationAsProfessional({ actor: pro.actor, personId: patient.id, values: { subject: "Pièces", body: "Voir pièces jointes" }, form: { files, ...extra }, now: NOW });
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]);
    expect(await send([{ name: "ok.pdf", bytes: PDF }, { name: "programme.exe", bytes: exe }])).toMatchObject({ status: "invalid", errors: { attachments: expect.stringContaining("programme.exe") } });
    expect(await send([{ name: "deguise.png", bytes: PDF }])).toMatchObject({ status: "invalid", errors: { attachments: expect.stringContaining("deguise.png") } });
    expect(await send([{ name: "vide.pdf", bytes: Buffer.alloc(0) }])).toMatchObject({ status: "invalid", errors: { attachments: "Le fichier « vide.pdf » est vide." } });
    const half = Buffer.concat([PDF, Buffer.alloc(MAX_MESSAGE_ATTACHMENT_BYTES / 2)]);
    expect(await send([{ name: "a.pdf", bytes: half }, { name: "b.pdf", bytes: half }])).toMatchObject({ status: "invalid", errors: { attachments: expect.stringContaining("25 Mo") } });
    expect(await send([{ name: "a.pdf", bytes: PDF }], { hasTooManyFiles: true })).toMatchObject({ status: "invalid", errors: { attachments: "Joignez au plus 10 fichiers à un message." } });
    expect(await getDb().$count(conversations, eq(conversations.personId, patient.id))).toBe(1);
    expect(await getDb().$count(messageAttachments, eq(messageAttachments.personId, patient.id))).toBe(0);
  });

  it("files an attachment into Documents with the patient's details, the professional as its author", async () => {
    const { patient, pro, conversationId } = await exchange({ files: [{ name: "resultats.pdf", bytes: PDF }] });
    const [row] = await getDb().select().from(messageAttachments).where(eq(messageAttachments.personId, patient.id));
    const folder = await createDocumentFolder(patient.id, "Analyses");
    const invalid = await saveAttachmentToDocuments({
      actor: patient.actor,
      conversationId,
      attachmentId: row!.id,
      values: { titre: "", date: "31/12/2099", categorie: "NOPE" },
      now: LATER,
    });
    expect(invalid).toMatchObject({ status: "invalid", fieldErrors: { titre: ["Saisissez un titre."], date: ["La date du document ne peut pas être dans le futur."] } });
    const stranger = await createSignedInPerson();
    const strangersFolder = await createDocumentFolder(stranger.id);
    expect(
      await saveAttachmentToDocuments({ actor: patient.actor, conversationId, attachmentId: row!.id, values: { titre: "Résultats", date: "01/07/2026", categorie: "CPT_REND", dossier: strangersFolder.id }, now: LATER }),
    ).toMatchObject({ status: "invalid", fieldErrors: { dossier: ["Choisissez un dossier de la liste."] } });
    expect(await saveAttachmentToDocuments({ actor: stranger.actor, conversationId, attachmentId: row!.id, values: {}, now: LATER })).toEqual({ status: "not-found" });

    const saved = await saveAttachmentToDocuments({
      actor: patient.actor,
      conversationId,
      attachmentId: row!.id,
      values: { titre: "Résultats de juin", date: "30/06/2026", categorie: "CPT_REND", dossier: folder.id },
      now: LATER,
    });
    expect(saved.status).toBe("saved");
    const [document] = await getDb().select().from(documents).where(eq(documents.personId, patient.id));
    expect(document).toMatchObject({
      title: "Résultats de juin",
      documentDate: "2026-06-30",
      category: "CPT_REND",
      folderId: folder.id,
      authorKind: "professional",
      authorProfessionalId: pro.professional.id,
      authorName: pro.actor.professional.fullName,
      mediaType: "application/pdf",
    });
    const [after] = await getDb().select().from(messageAttachments).where(eq(messageAttachments.id, row!.id));
    expect(after?.savedDocumentId).toBe(document!.id);
    expect((await eventsOf(patient.id)).some((event) => event.action === "documents.added" && event.actorKind === "patient")).toBe(true);
  });
});
