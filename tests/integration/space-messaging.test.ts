import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { conversations, messages } from "@/db/schema";
import {
  countUnreadMessages,
  findConversation,
  findConversations,
  findMessagingAddress,
  openConversation,
} from "@/lib/messaging/queries";
import { postWelcomeMessage } from "@/lib/messaging/welcome";
import { createInsuredPerson } from "@/tests/support/factories";

async function personWithWelcome() {
  const person = await createInsuredPerson();
  await postWelcomeMessage(getDb(), person.id, new Date("2026-03-02T08:13:00Z"));
  const [conversation] = await getDb().select().from(conversations).where(eq(conversations.personId, person.id));
  return { person, conversationId: conversation!.id };
}

/** A conversation started by a professional, with `count` messages, all unread. */
async function addProfessionalConversation(personId: string, count: number, at: Date) {
  const [conversation] = await getDb()
    .insert(conversations)
    .values({ personId, subject: "Résultats d'analyses", counterpartName: "Dr Anne Lefèvre", lastMessageAt: at })
    .returning();
  for (let index = 0; index < count; index += 1) {
    await getDb().insert(messages).values({
      conversationId: conversation!.id,
      personId,
      senderKind: "professional",
      senderName: "Dr Anne Lefèvre",
      body: `Message ${index + 1}`,
      sentAt: new Date(at.getTime() - (count - index) * 60_000),
    });
  }
  return conversation!.id;
}

describe("messaging, read side", () => {
  it("gives the person's address as NIR and key at patient.mssante.fr", async () => {
    const person = await createInsuredPerson();
    expect(await findMessagingAddress(person.id)).toBe(`${person.nir}@patient.mssante.fr`);
  });

  it("lists the welcome conversation as unread until it is opened", async () => {
    const { person, conversationId } = await personWithWelcome();
    expect(await countUnreadMessages(person.id)).toBe(1);
    const [summary] = await findConversations(person.id);
    expect(summary).toMatchObject({
      id: conversationId,
      subject: "Bienvenue dans votre messagerie Mon espace santé",
      counterpartName: "Mon espace santé",
      unreadCount: 1,
    });

    const opened = await openConversation(person.id, conversationId, new Date());
    expect(opened?.newlyReadCount).toBe(1);
    expect(opened?.messages[0]?.senderName).toBe("Mon espace santé");
    expect(opened?.messages[0]?.body).toContain("Bienvenue dans votre messagerie Mon espace santé");
    expect(await countUnreadMessages(person.id)).toBe(0);
    expect((await findConversations(person.id))[0]?.unreadCount).toBe(0);
    expect((await openConversation(person.id, conversationId, new Date()))?.newlyReadCount).toBe(0);
  });

  it("counts unread messages across conversations and lists the latest first", async () => {
    const { person } = await personWithWelcome();
    const later = await addProfessionalConversation(person.id, 2, new Date("2026-03-05T10:00:00Z"));
    expect(await countUnreadMessages(person.id)).toBe(3);
    const list = await findConversations(person.id);
    expect(list.map((conversation) => [conversation.id, conversation.unreadCount])).toEqual([
      [later, 2],
      [expect.any(String), 1],
    ]);
    const thread = await findConversation(person.id, later);
    expect(thread?.messages.map((message) => message.body)).toEqual(["Message 1", "Message 2"]);
  });

  it("answers not found for another person's conversation and changes nothing", async () => {
    const owner = await personWithWelcome();
    const intruder = await createInsuredPerson();
    expect(await findConversation(intruder.id, owner.conversationId)).toBeNull();
    expect(await openConversation(intruder.id, owner.conversationId, new Date())).toBeNull();
    expect(await countUnreadMessages(owner.person.id)).toBe(1);
    expect(await findConversations(intruder.id)).toEqual([]);
    expect(await countUnreadMessages(intruder.id)).toBe(0);
  });

  it("answers not found for an id that is not one", async () => {
    const { person } = await personWithWelcome();
    expect(await findConversation(person.id, "not-a-uuid")).toBeNull();
    expect(await openConversation(person.id, "00000000-0000-4000-8000-000000000000", new Date())).toBeNull();
  });
});
