import "server-only";
import type { Executor } from "@/db/client";
import { conversations, messages } from "@/db/schema";
import { welcomeMessageBody } from "@/lib/delivery/templates/messaging";

export const SERVICE_SENDER_NAME = "Mon espace santé";

/** The first message of every mailbox, from the service itself, unread. */
export async function postWelcomeMessage(executor: Executor, personId: string, now: Date): Promise<void> {
  const { subject, body } = welcomeMessageBody();
  const [conversation] = await executor
    .insert(conversations)
    .values({ personId, subject, counterpartName: SERVICE_SENDER_NAME, lastMessageAt: now, createdAt: now })
    .returning({ id: conversations.id });
  if (!conversation) throw new Error("welcome conversation not created");
  await executor.insert(messages).values({
    conversationId: conversation.id,
    personId,
    senderKind: "service",
    senderName: SERVICE_SENDER_NAME,
    body,
    sentAt: now,
  });
}
