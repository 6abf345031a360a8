import "server-only";
import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { conversations, insuredPersons, messages } from "@/db/schema";
import { messagingAddress } from "@/lib/register/nir";

export type ConversationSummary = {
  id: string;
  subject: string;
  counterpartName: string;
  lastMessageAt: Date;
  unreadCount: number;
};

export type MessageView = {
  id: string;
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
  messages: MessageView[];
};

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The person's secure-messaging address, `<NIR+key>@patient.mssante.fr`; null for an unknown person. */
export async function findMessagingAddress(personId: string, executor: Executor = getDb()): Promise<string | null> {
  const [person] = await executor
    .select({ nir: insuredPersons.nir })
    .from(insuredPersons)
    .where(eq(insuredPersons.id, personId))
    .limit(1);
  return person ? messagingAddress(person.nir) : null;
}

/** The person's conversations, the latest activity first, each with its count of unread messages. */
export async function findConversations(personId: string, executor: Executor = getDb()): Promise<ConversationSummary[]> {
  const rows = await executor
    .select({
      id: conversations.id,
      subject: conversations.subject,
      counterpartName: conversations.counterpartName,
      lastMessageAt: conversations.lastMessageAt,
      unreadCount: sql<number>`cast(count(${messages.id}) filter (where ${messages.readAt} is null) as integer)`,
    })
    .from(conversations)
    .leftJoin(messages, and(eq(messages.conversationId, conversations.id), eq(messages.personId, personId)))
    .where(eq(conversations.personId, personId))
    .groupBy(conversations.id)
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id));
  return rows.map((row) => ({ ...row, unreadCount: Number(row.unreadCount) }));
}

/** Messages the person has not read yet, all conversations together (the dot on "Messagerie"). */
export async function countUnreadMessages(personId: string, executor: Executor = getDb()): Promise<number> {
  const [row] = await executor
    .select({ unread: count() })
    .from(messages)
    .where(and(eq(messages.personId, personId), isNull(messages.readAt)));
  return Number(row?.unread ?? 0);
}

/** One of the person's conversations with its messages, oldest first; null when it is not theirs. */
export async function findConversation(
  personId: string,
  conversationId: string,
  executor: Executor = getDb(),
): Promise<ConversationDetail | null> {
  if (!UUID_PATTERN.test(conversationId)) return null;
  const [conversation] = await executor
    .select({ id: conversations.id, subject: conversations.subject, counterpartName: conversations.counterpartName })
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.personId, personId)))
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
    .where(and(eq(messages.conversationId, conversation.id), eq(messages.personId, personId)))
    .orderBy(asc(messages.sentAt), asc(messages.id));
  return { ...conversation, messages: rows };
}

export type OpenedConversation = ConversationDetail & {
  /** Messages this opening marked as read: the page refreshes the unread dot when there were some. */
  newlyReadCount: number;
};

/**
 * Opening a conversation: marks its unread messages read, then returns it as it was received
 * (messages that were unread keep `readAt: null` in the answer so the page can still point
 * them out). Scoped to the person: someone else's conversation id gives null and changes nothing.
 */
export async function openConversation(
  personId: string,
  conversationId: string,
  now: Date,
  executor: Executor = getDb(),
): Promise<OpenedConversation | null> {
  const conversation = await findConversation(personId, conversationId, executor);
  if (!conversation) return null;
  const marked = await executor
    .update(messages)
    .set({ readAt: now })
    .where(and(eq(messages.conversationId, conversation.id), eq(messages.personId, personId), isNull(messages.readAt)))
    .returning({ id: messages.id });
  return { ...conversation, newlyReadCount: marked.length };
}
