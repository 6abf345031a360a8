import "server-only";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { conversations, insuredPersons, messages } from "@/db/schema";
import type { ProfessionalActor } from "@/lib/access/actor";
import { recordActivity } from "@/lib/activity/record";
import { professionalActivityOf } from "@/lib/professional-access/activity";
import { professionalMay } from "@/lib/professional-access/decide";
import { loadStanding } from "@/lib/professional-access/standing";
import { displayName } from "@/lib/register/person-name";
import { isUuid } from "@/lib/validation";
import { type MessageView, attachmentsByMessage } from "./queries";

/**
 * The professional's side of the secure mailbox (/pro): their conversations only, the ones whose
 * professional they are; anything else is "not found". Reading is marked on their side
 * (read_by_professional_at) and recorded in the patient's history under their name.
 */

export type ProfessionalConversationSummary = {
  id: string;
  subject: string;
  personId: string;
  patientName: string;
  lastMessageAt: Date;
  closedAt: Date | null;
  unreadCount: number;
};

const patientNameColumns = { firstNames: insuredPersons.firstNames, birthName: insuredPersons.birthName, usageName: insuredPersons.usageName };

export async function findProfessionalConversations({ actor }: { actor: ProfessionalActor }): Promise<ProfessionalConversationSummary[]> {
  const rows = await getDb()
    .select({
      id: conversations.id,
      subject: conversations.subject,
      personId: conversations.personId,
      ...patientNameColumns,
      lastMessageAt: conversations.lastMessageAt,
      closedAt: conversations.closedAt,
      unreadCount: sql<number>`cast(count(${messages.id}) filter (where ${messages.readByProfessionalAt} is null) as integer)`,
    })
    .from(conversations)
    .innerJoin(insuredPersons, eq(insuredPersons.id, conversations.personId))
    .leftJoin(messages, eq(messages.conversationId, conversations.id))
    .where(eq(conversations.professionalId, actor.professional.id))
    .groupBy(conversations.id, insuredPersons.id)
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id));
  return rows.map(({ firstNames, birthName, usageName, ...row }) => ({
    ...row,
    patientName: displayName({ firstNames, birthName, usageName }),
    unreadCount: Number(row.unreadCount),
  }));
}

/** Messages the professional has not read yet, all their conversations together (the dot on « Messagerie » in /pro). */
export async function countProfessionalUnread({ actor }: { actor: ProfessionalActor }): Promise<number> {
  const [row] = await getDb()
    .select({ unread: sql<number>`cast(count(*) as integer)` })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(conversations.professionalId, actor.professional.id), isNull(messages.readByProfessionalAt)));
  return Number(row?.unread ?? 0);
}

export type ProfessionalConversationDetail = {
  id: string;
  subject: string;
  personId: string;
  patientName: string;
  closedAt: Date | null;
  /** professionalMay "write-in-conversation": false once the patient blocked them. */
  mayWrite: boolean;
  messages: MessageView[];
  newlyReadCount: number;
};

/**
 * Opening one of the professional's conversations: marks the patient's messages read on their
 * side, with the event "messaging.message-read" in the patient's history (only when something was
 * new), and returns the thread as it was received.
 */
export async function openProfessionalConversation(
  { actor, conversationId, now }: { actor: ProfessionalActor; conversationId: string; now: Date },
  executor: Executor = getDb(),
): Promise<ProfessionalConversationDetail | null> {
  if (!isUuid(conversationId)) return null;
  return executor.transaction(async (tx) => {
    const [conversation] = await tx
      .select({
        id: conversations.id,
        subject: conversations.subject,
        personId: conversations.personId,
        closedAt: conversations.closedAt,
        ...patientNameColumns,
      })
      .from(conversations)
      .innerJoin(insuredPersons, eq(insuredPersons.id, conversations.personId))
      .where(and(eq(conversations.id, conversationId), eq(conversations.professionalId, actor.professional.id)))
      .limit(1);
    if (!conversation) return null;
    const rows = await tx
      .select({
        id: messages.id,
        senderKind: messages.senderKind,
        senderName: messages.senderName,
        body: messages.body,
        sentAt: messages.sentAt,
        readAt: messages.readByProfessionalAt,
      })
      .from(messages)
      .where(eq(messages.conversationId, conversation.id))
      .orderBy(asc(messages.sentAt), asc(messages.id));
    const marked = await tx
      .update(messages)
      .set({ readByProfessionalAt: now })
      .where(and(eq(messages.conversationId, conversation.id), isNull(messages.readByProfessionalAt)))
      .returning({ id: messages.id });
    if (marked.length > 0) {
      await recordActivity(tx, {
        ...professionalActivityOf(actor, conversation.personId),
        action: "messaging.message-read",
        target: { type: "conversation", id: conversation.id },
        at: now,
      });
    }
    const loaded = await loadStanding(tx, { actor, personId: conversation.personId, now });
    const mayWrite =
      loaded !== null &&
      professionalMay(loaded.reach, { kind: "write-in-conversation" }, { professionalId: actor.professional.id, isTypeAccessible: loaded.isTypeAccessible });
    const attachments = await attachmentsByMessage(
      tx,
      rows.map((row) => row.id),
    );
    const { firstNames, birthName, usageName, ...rest } = conversation;
    return {
      ...rest,
      patientName: displayName({ firstNames, birthName, usageName }),
      mayWrite,
      messages: rows.map((row) => ({ ...row, attachments: attachments.get(row.id) ?? [] })),
      newlyReadCount: marked.length,
    };
  });
}
