import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { cache } from "react";
import { type Executor, getDb } from "@/db/client";
import { conversations, insuredPersons, messageAttachments, messages } from "@/db/schema";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";
import { activityOf, recordActivity } from "@/lib/activity/record";
import { messagingAddress } from "@/lib/register/nir";
import { isUuid } from "@/lib/validation";
import { patientMayReply } from "./rules";

export type ConversationSummary = {
  id: string;
  subject: string;
  counterpartName: string;
  lastMessageAt: Date;
  unreadCount: number;
};

export type AttachmentView = {
  id: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  /** The document the patient filed it as, while that document exists. */
  savedDocumentId: string | null;
};

export type MessageView = {
  id: string;
  attachments: AttachmentView[];
  senderKind: "service" | "professional" | "patient";
  senderName: string;
  body: string;
  sentAt: Date;
  /** Null while the person has not opened the conversation since it arrived. */
  readAt: Date | null;
};

export type ConversationDetail = {
  id: string;
  subject: string;
  counterpartName: string;
  professionalId: string | null;
  /** The professional closed the exchange ([FIN]) and has not written since. */
  closedAt: Date | null;
  /** Whether « Répondre » is offered (lib/messaging/rules.ts). */
  mayReply: boolean;
  messages: MessageView[];
};

/** The attachments of these messages, by message, in the order they were sent. */
export async function attachmentsByMessage(executor: Executor, messageIds: string[]): Promise<Map<string, AttachmentView[]>> {
  const byMessage = new Map<string, AttachmentView[]>();
  if (messageIds.length === 0) return byMessage;
  const rows = await executor
    .select({
      id: messageAttachments.id,
      messageId: messageAttachments.messageId,
      fileName: messageAttachments.fileName,
      mediaType: messageAttachments.mediaType,
      byteSize: messageAttachments.byteSize,
      savedDocumentId: messageAttachments.savedDocumentId,
    })
    .from(messageAttachments)
    .where(inArray(messageAttachments.messageId, messageIds))
    .orderBy(asc(messageAttachments.createdAt), asc(messageAttachments.fileName));
  for (const { messageId, ...attachment } of rows) {
    const list = byMessage.get(messageId) ?? [];
    list.push(attachment);
    byMessage.set(messageId, list);
  }
  return byMessage;
}

/** The subject's secure-messaging address, `<NIR+key>@patient.mssante.fr`. */
export async function findMessagingAddress({ actor }: { actor: Actor }): Promise<string | null> {
  const [person] = await getDb()
    .select({ nir: insuredPersons.nir })
    .from(insuredPersons)
    .where(isOwnedBySubject(actor, insuredPersons.id))
    .limit(1);
  return person ? messagingAddress(person.nir) : null;
}

/** The subject's conversations, the latest activity first, each with its count of unread messages. */
export async function findConversations({ actor }: { actor: Actor }): Promise<ConversationSummary[]> {
  const rows = await getDb()
    .select({
      id: conversations.id,
      subject: conversations.subject,
      counterpartName: conversations.counterpartName,
      lastMessageAt: conversations.lastMessageAt,
      unreadCount: sql<number>`cast(count(${messages.id}) filter (where ${messages.readAt} is null) as integer)`,
    })
    .from(conversations)
    .leftJoin(messages, and(eq(messages.conversationId, conversations.id), isOwnedBySubject(actor, messages.personId)))
    .where(isOwnedBySubject(actor, conversations.personId))
    .groupBy(conversations.id)
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id));
  return rows.map((row) => ({ ...row, unreadCount: Number(row.unreadCount) }));
}

/**
 * Computed once per request and actor (React cache): the frame's dot and the home page's notice
 * ask the same question.
 */
const countUnreadOnce = cache(async (actor: Actor): Promise<number> => {
  const [row] = await getDb()
    .select({ unread: count() })
    .from(messages)
    .where(and(isOwnedBySubject(actor, messages.personId), isNull(messages.readAt)));
  return Number(row?.unread ?? 0);
});

/** Messages the subject has not read yet, all conversations together (the dot on "Messagerie"). */
export async function countUnreadMessages({ actor }: { actor: Actor }): Promise<number> {
  return countUnreadOnce(actor);
}

/** One of the subject's conversations with its messages, oldest first; null when it is not theirs. */
async function findSubjectConversation(
  executor: Executor,
  { actor, conversationId }: { actor: Actor; conversationId: string },
): Promise<ConversationDetail | null> {
  if (!isUuid(conversationId)) return null;
  const [conversation] = await executor
    .select({
      id: conversations.id,
      subject: conversations.subject,
      counterpartName: conversations.counterpartName,
      professionalId: conversations.professionalId,
      closedAt: conversations.closedAt,
    })
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), isOwnedBySubject(actor, conversations.personId)))
    .limit(1);
  if (!conversation) return null;
  const rows = await executor
    .select({
      id: messages.id,
      senderKind: messages.senderKind,
      senderName: messages.senderName,
      body: messages.body,
      sentAt: messages.sentAt,
      readAt: messages.readAt,
    })
    .from(messages)
    .where(and(eq(messages.conversationId, conversation.id), isOwnedBySubject(actor, messages.personId)))
    .orderBy(asc(messages.sentAt), asc(messages.id));
  const attachments = await attachmentsByMessage(
    executor,
    rows.map((row) => row.id),
  );
  return {
    ...conversation,
    mayReply: patientMayReply(conversation),
    messages: rows.map((row) => ({ ...row, attachments: attachments.get(row.id) ?? [] })),
  };
}

/** One of the subject's conversations, read without marking anything. */
export async function findConversation(options: { actor: Actor; conversationId: string }): Promise<ConversationDetail | null> {
  return findSubjectConversation(getDb(), options);
}

export type OpenedConversation = ConversationDetail & {
  /** Messages this opening marked as read: the page refreshes the unread dot when there were some. */
  newlyReadCount: number;
};

/**
 * Opening a conversation: marks its unread messages read, then returns it as it was received
 * (messages that were unread keep `readAt: null` in the answer so the page can still point
 * them out). Scoped to the subject: someone else's conversation id gives null and changes nothing.
 */
export async function openConversation({
  actor,
  conversationId,
  now,
}: {
  actor: Actor;
  conversationId: string;
  now: Date;
}): Promise<OpenedConversation | null> {
  return getDb().transaction(async (tx) => {
    const conversation = await findSubjectConversation(tx, { actor, conversationId });
    if (!conversation) return null;
    const marked = await tx
      .update(messages)
      .set({ readAt: now })
      .where(and(eq(messages.conversationId, conversation.id), isOwnedBySubject(actor, messages.personId), isNull(messages.readAt)))
      .returning({ id: messages.id });
    // Reading again what was read already changes nothing, and records nothing.
    if (marked.length > 0) {
      await recordActivity(tx, {
        ...activityOf(actor),
        action: "messaging.message-read",
        target: { type: "conversation", id: conversation.id },
        at: now,
      });
    }
    return { ...conversation, newlyReadCount: marked.length };
  });
}

/** The professionals who have written to the subject, by name: whom « Écrire à un professionnel » offers. */
export async function findCorrespondents({ actor }: { actor: Actor }): Promise<{ professionalId: string; name: string }[]> {
  const rows = await getDb()
    .select({ professionalId: messages.senderProfessionalId, name: sql<string>`max(${messages.senderName})` })
    .from(messages)
    .where(and(isOwnedBySubject(actor, messages.personId), sql`${messages.senderProfessionalId} is not null`))
    .groupBy(messages.senderProfessionalId)
    .orderBy(sql`max(${messages.senderName})`);
  return rows.flatMap((row) => (row.professionalId ? [{ professionalId: row.professionalId, name: row.name }] : []));
}
