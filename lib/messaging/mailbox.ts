import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { conversations, messages } from "@/db/schema";
import type { Actor, ProfessionalActor } from "@/lib/access/actor";
import { type ActivityEventInput, activityOf, recordActivity } from "@/lib/activity/record";
import { newMessageEmail, newMessageSms } from "@/lib/delivery/templates/messaging";
import type { UploadForm } from "@/lib/documents/upload";
import { notify } from "@/lib/notifications/notify";
import { professionalActivityOf } from "@/lib/professional-access/activity";
import { professionalMay } from "@/lib/professional-access/decide";
import { loadStanding } from "@/lib/professional-access/standing";
import { isUuid } from "@/lib/validation";
import { type CheckedAttachment, checkAttachments, storeAttachments } from "./attachments";
import { conversationPath } from "./paths";
import { patientMayReply, patientMayStartWith, professionalMayClose } from "./rules";
import { newConversationSchema, replySchema } from "./schemas";

/**
 * The writes of the secure mailbox. Every message, whoever writes it, goes through postMessage:
 * the one place a message enters a conversation (rows, attachments, read state per side, the
 * activity event, the patient's notice). The patient's mailbox lives here; a transport to the
 * MSSanté network (docs/decisions/0023-mssante.md) would hand what
 * postMessage stored to the professional's operator, and call postMessage for what arrives.
 */

export type MessageFieldErrors = Partial<Record<"subject" | "body" | "attachments", string>>;

export type SendResult =
  | { status: "sent"; conversationId: string }
  | { status: "invalid"; errors: MessageFieldErrors }
  /** No such conversation, or not the actor's to write in: "not found", never a reason. */
  | { status: "not-found" }
  /** The professional closed the exchange: the patient cannot reply until they write again. */
  | { status: "closed" };

type Sender =
  | { kind: "professional"; actor: ProfessionalActor; isEmergency: boolean }
  | { kind: "patient"; actor: Actor; name: string };

/** A message to store: who writes, in which conversation of whose mailbox. */
type Envelope = {
  conversationId: string;
  personId: string;
  sender: Sender;
  body: string;
  attachments: CheckedAttachment[];
  sentAt: Date;
};

function senderActivity(sender: Sender, personId: string): Pick<ActivityEventInput, "subjectPersonId" | "actor" | "onBehalfOf" | "isEmergency"> {
  return sender.kind === "professional"
    ? { ...professionalActivityOf(sender.actor, personId), isEmergency: sender.isEmergency }
    : activityOf(sender.actor);
}

async function postMessage(tx: Executor, envelope: Envelope): Promise<void> {
  const { sender, sentAt } = envelope;
  const isFromProfessional = sender.kind === "professional";
  const [message] = await tx
    .insert(messages)
    .values({
      conversationId: envelope.conversationId,
      personId: envelope.personId,
      senderKind: sender.kind,
      senderProfessionalId: isFromProfessional ? sender.actor.professional.id : null,
      senderName: isFromProfessional ? sender.actor.professional.fullName : sender.name,
      body: envelope.body,
      sentAt,
      // One's own message is read by its writer: only the other side sees it as new.
      readAt: isFromProfessional ? null : sentAt,
      readByProfessionalAt: isFromProfessional ? sentAt : null,
    })
    .returning({ id: messages.id });
  if (!message) throw new Error("message not stored");
  await storeAttachments(tx, { messageId: message.id, personId: envelope.personId, attachments: envelope.attachments, now: sentAt });
  // The professional writing again reopens an exchange they had closed.
  await tx
    .update(conversations)
    .set({ lastMessageAt: sentAt, ...(isFromProfessional ? { closedAt: null } : {}) })
    .where(eq(conversations.id, envelope.conversationId));
  await recordActivity(tx, {
    ...senderActivity(sender, envelope.personId),
    action: "messaging.message-sent",
    target: { type: "conversation", id: envelope.conversationId },
    at: sentAt,
  });
  if (!isFromProfessional) return;
  await notify(tx, {
    personId: envelope.personId,
    kind: "message_received",
    title: `Nouveau message de ${sender.actor.professional.fullName}`,
    path: conversationPath(envelope.conversationId),
    actorName: sender.actor.professional.fullName,
    target: { type: "conversation", id: envelope.conversationId },
    at: sentAt,
    notice: {
      template: "message-received",
      compose: (recipient) => ({ email: newMessageEmail(recipient), sms: newMessageSms(recipient) }),
    },
  });
}

/** The fields and files of a message, every problem at once. */
async function checkMessage(
  values: Record<string, unknown>,
  form: Pick<UploadForm, "files" | "hasTooManyFiles">,
  withSubject: boolean,
): Promise<{ status: "valid"; subject: string; body: string; attachments: CheckedAttachment[] } | { status: "invalid"; errors: MessageFieldErrors }> {
  const errors: MessageFieldErrors = {};
  const parsed = (withSubject ? newConversationSchema : replySchema).safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as "subject" | "body";
      errors[field] ??= issue.message;
    }
  }
  const checked = await checkAttachments(form);
  if (checked.status === "refused") errors.attachments = checked.message;
  if (!parsed.success || checked.status === "refused") return { status: "invalid", errors };
  const subject = "subject" in parsed.data ? (parsed.data.subject as string) : "";
  return { status: "valid", subject, body: parsed.data.body, attachments: checked.attachments };
}

type ProfessionalWrite = {
  actor: ProfessionalActor;
  values: Record<string, unknown>;
  form: Pick<UploadForm, "files" | "hasTooManyFiles">;
  now: Date;
};

/**
 * « Écrire au patient »: a professional who may reach the patient (professionalMay
 * "start-conversation": consent or a live emergency access) opens a conversation in their mailbox.
 */
export async function startConversationAsProfessional(
  { actor, personId, values, form, now }: ProfessionalWrite & { personId: string },
  executor: Executor = getDb(),
): Promise<SendResult> {
  const checked = await checkMessage(values, form, true);
  const loaded = await loadStanding(executor, { actor, personId, now });
  if (
    !loaded ||
    !professionalMay(loaded.reach, { kind: "start-conversation" }, { professionalId: actor.professional.id, isTypeAccessible: loaded.isTypeAccessible })
  ) {
    return { status: "not-found" };
  }
  if (checked.status === "invalid") return checked;
  const isEmergency = loaded.reach.reach === "record" && loaded.reach.isEmergency;
  return executor.transaction(async (tx) => {
    const [conversation] = await tx
      .insert(conversations)
      .values({
        personId: loaded.personId,
        professionalId: actor.professional.id,
        subject: checked.subject,
        counterpartName: actor.professional.fullName,
        lastMessageAt: now,
        createdAt: now,
      })
      .returning({ id: conversations.id });
    if (!conversation) throw new Error("conversation not created");
    await postMessage(tx, {
      conversationId: conversation.id,
      personId: loaded.personId,
      sender: { kind: "professional", actor, isEmergency },
      body: checked.body,
      attachments: checked.attachments,
      sentAt: now,
    });
    return { status: "sent", conversationId: conversation.id };
  });
}

/** One of the professional's own conversations, locked for the write (two posts at once are ordered). */
async function lockProfessionalConversation(tx: Executor, actor: ProfessionalActor, conversationId: string) {
  if (!isUuid(conversationId)) return null;
  const [conversation] = await tx
    .select({ id: conversations.id, personId: conversations.personId, professionalId: conversations.professionalId, closedAt: conversations.closedAt })
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.professionalId, actor.professional.id)))
    .for("update");
  return conversation ?? null;
}

/**
 * The professional writes again in their conversation (professionalMay "write-in-conversation":
 * anything but blocked), which reopens it if they had closed it.
 */
export async function writeAsProfessional(
  { actor, conversationId, values, form, now }: ProfessionalWrite & { conversationId: string },
  executor: Executor = getDb(),
): Promise<SendResult> {
  const checked = await checkMessage(values, form, false);
  return executor.transaction(async (tx) => {
    const conversation = await lockProfessionalConversation(tx, actor, conversationId);
    if (!conversation) return { status: "not-found" } as const;
    const loaded = await loadStanding(tx, { actor, personId: conversation.personId, now });
    if (
      !loaded ||
      !professionalMay(loaded.reach, { kind: "write-in-conversation" }, { professionalId: actor.professional.id, isTypeAccessible: loaded.isTypeAccessible })
    ) {
      return { status: "not-found" } as const;
    }
    if (checked.status === "invalid") return checked;
    await postMessage(tx, {
      conversationId: conversation.id,
      personId: conversation.personId,
      sender: { kind: "professional", actor, isEmergency: loaded.reach.reach === "record" && loaded.reach.isEmergency },
      body: checked.body,
      attachments: checked.attachments,
      sentAt: now,
    });
    return { status: "sent", conversationId: conversation.id } as const;
  });
}

export type CloseResult = { status: "closed" } | { status: "not-found" } | { status: "already-closed" };

/** « Clore l'échange » ([FIN]): the patient cannot reply until the professional writes again. */
export async function closeConversation(
  { actor, conversationId, now }: { actor: ProfessionalActor; conversationId: string; now: Date },
  executor: Executor = getDb(),
): Promise<CloseResult> {
  return executor.transaction(async (tx) => {
    const conversation = await lockProfessionalConversation(tx, actor, conversationId);
    if (!conversation) return { status: "not-found" } as const;
    if (!professionalMayClose(conversation, actor.professional.id)) return { status: "already-closed" } as const;
    await tx.update(conversations).set({ closedAt: now }).where(eq(conversations.id, conversation.id));
    await recordActivity(tx, {
      ...professionalActivityOf(actor, conversation.personId),
      action: "messaging.conversation-closed",
      target: { type: "conversation", id: conversation.id },
      at: now,
    });
    return { status: "closed" } as const;
  });
}

type PatientWrite = { actor: Actor; values: Record<string, unknown>; form: Pick<UploadForm, "files" | "hasTooManyFiles">; now: Date };

/** « Répondre »: the patient answers a professional's exchange that is not closed. */
export async function replyAsPatient(
  { actor, conversationId, values, form, now }: PatientWrite & { conversationId: string },
  executor: Executor = getDb(),
): Promise<SendResult> {
  if (!isUuid(conversationId)) return { status: "not-found" };
  const checked = await checkMessage(values, form, false);
  return executor.transaction(async (tx) => {
    const [conversation] = await tx
      .select({ id: conversations.id, professionalId: conversations.professionalId, closedAt: conversations.closedAt })
      .from(conversations)
      .where(and(eq(conversations.id, conversationId), eq(conversations.personId, actor.subject.personId)))
      .for("update");
    if (!conversation) return { status: "not-found" } as const;
    if (!patientMayReply(conversation)) return conversation.professionalId ? ({ status: "closed" } as const) : ({ status: "not-found" } as const);
    if (checked.status === "invalid") return checked;
    await postMessage(tx, {
      conversationId: conversation.id,
      personId: actor.subject.personId,
      sender: { kind: "patient", actor, name: actor.subject.fullName },
      body: checked.body,
      attachments: checked.attachments,
      sentAt: now,
    });
    return { status: "sent", conversationId: conversation.id } as const;
  });
}

/** The professionals who have written to the subject: the only ones the patient may write to first. */
export async function findCorrespondentIds(executor: Executor, personId: string): Promise<Set<string>> {
  const rows = await executor
    .selectDistinct({ professionalId: messages.senderProfessionalId })
    .from(messages)
    .where(and(eq(messages.personId, personId), sql`${messages.senderProfessionalId} is not null`));
  return new Set(rows.map((row) => row.professionalId).filter((id): id is string => id !== null));
}

/**
 * « Écrire à un professionnel »: a new conversation, only with a professional who has already
 * written to the patient (never with another patient). Anyone else is "not found".
 */
export async function startConversationAsPatient(
  { actor, professionalId, values, form, now }: PatientWrite & { professionalId: string },
  executor: Executor = getDb(),
): Promise<SendResult> {
  if (!isUuid(professionalId)) return { status: "not-found" };
  const checked = await checkMessage(values, form, true);
  return executor.transaction(async (tx) => {
    const correspondents = await findCorrespondentIds(tx, actor.subject.personId);
    if (!patientMayStartWith(professionalId, correspondents)) return { status: "not-found" } as const;
    if (checked.status === "invalid") return checked;
    const [named] = await tx
      .select({ senderName: messages.senderName })
      .from(messages)
      .where(and(eq(messages.personId, actor.subject.personId), eq(messages.senderProfessionalId, professionalId)))
      .orderBy(sql`${messages.sentAt} desc`)
      .limit(1);
    const [conversation] = await tx
      .insert(conversations)
      .values({
        personId: actor.subject.personId,
        professionalId,
        subject: checked.subject,
        counterpartName: named?.senderName ?? "",
        lastMessageAt: now,
        createdAt: now,
      })
      .returning({ id: conversations.id });
    if (!conversation) throw new Error("conversation not created");
    await postMessage(tx, {
      conversationId: conversation.id,
      personId: actor.subject.personId,
      sender: { kind: "patient", actor, name: actor.subject.fullName },
      body: checked.body,
      attachments: checked.attachments,
      sentAt: now,
    });
    return { status: "sent", conversationId: conversation.id } as const;
  });
}
