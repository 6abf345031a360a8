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
import { createProfessional, createSignedInPerson } from "@/tests/support/factories";

/** A signed-in person whose mailbox holds what activation posts: the welcome conversation, unread. */
async function personWithWelcome() {
  const person = await createSignedInPerson();
  const [conversation] = await getDb().select().from(conversations).where(eq(conversations.personId, person.id));
  return { person, conversationId: conversation!.id };
}

/** A conversation started by a professional, with `count` messages, all unread. */
async function addProfessionalConversation(personId: string, count: number, at: Date) {
  const { professional } = await createProfessional({ lastName: "Lefèvre" });
  const [conversation] = await getDb()
    .insert(conversations)
    .values({ personId, professionalId: professional.id, subject: "Résultats d'analyses", counterpartName: "Dr Anne Lefèvre", lastMessageAt: at })
    .returning();
  for (let index = 0; index < count; index += 1) {
    await getDb().insert(messages).values({
      conversationId: conversation!.id,
      personId,
      senderKind: "professional",
      senderProfessionalId: professional.id,
      senderName: "Dr Anne Lefèvre",
      readByProfessionalAt: at,
      body: `Message ${index + 1}`,
      sentAt: new Date(at.getTime() - (count - index) * 60_000),
    });
  }
  return conversation!.id;
}

describe("messaging, read side", () => {
  it("gives the person's address as NIR and key at patient.mssante.fr", async () => {
    const person = await createSignedInPerson();
    expect(await findMessagingAddress({ actor: person.actor })).toBe(`${person.nir}@patient.mssante.fr`);
  });

  it("lists the welcome conversation as unread until it is opened", async () => {
    const { person, conversationId } = await personWithWelcome();
    expect(await countUnreadMessages({ actor: person.actor })).toBe(1);
    const [summary] = await findConversations({ actor: person.actor });
    expect(summary).toMatchObject({
      id: conversationId,
      subject: "Bienvenue dans votre messagerie Mon espace santé",
      counterpartName: "Mon espace santé",
      unreadCount: 1,
    });

    const opened = await openConversation({ actor: person.actor, conversationId: conversationId, now: new Date() });
    expect(opened?.newlyReadCount).toBe(1);
    expect(opened?.messages[0]?.senderName).toBe("Mon espace santé");
    expect(opened?.messages[0]?.body).toContain("Bienvenue dans votre messagerie Mon espace santé");
    expect(await countUnreadMessages({ actor: person.actor })).toBe(0);
    expect((await findConversations({ actor: person.actor }))[0]?.unreadCount).toBe(0);
    expect((await openConversation({ actor: person.actor, conversationId: conversationId, now: new Date() }))?.newlyReadCount).toBe(0);
  });

  it("counts unread messages across conversations and lists the latest first", async () => {
    const { person } = await personWithWelcome();
    const later = await addProfessionalConversation(person.id, 2, new Date("2026-03-05T10:00:00Z"));
    expect(await countUnreadMessages({ actor: person.actor })).toBe(3);
    const list = await findConversations({ actor: person.actor });
    expect(list.map((conversation) => [conversation.id, conversation.unreadCount])).toEqual([
      [later, 2],
      [expect.any(String), 1],
    ]);
    const thread = await findConversation({ actor: person.actor, conversationId: later });
    expect(thread?.messages.map((message) => message.body)).toEqual(["Message 1", "Message 2"]);
  });

  it("answers not found for another person's conversation and changes nothing", async () => {
    const owner = await personWithWelcome();
    const intruder = await createSignedInPerson();
    expect(await findConversation({ actor: intruder.actor, conversationId: owner.conversationId })).toBeNull();
    expect(await openConversation({ actor: intruder.actor, conversationId: owner.conversationId, now: new Date() })).toBeNull();
    expect(await countUnreadMessages({ actor: owner.person.actor })).toBe(1);
    // The intruder sees their own mailbox only: their own welcome, not the owner's.
    const intruderList = await findConversations({ actor: intruder.actor });
    expect(intruderList).toHaveLength(1);
    expect(intruderList.map((conversation) => conversation.id)).not.toContain(owner.conversationId);
    expect(await countUnreadMessages({ actor: intruder.actor })).toBe(1);
  });

  it("answers not found for an id that is not one", async () => {
    const { person } = await personWithWelcome();
    expect(await findConversation({ actor: person.actor, conversationId: "not-a-uuid" })).toBeNull();
    expect(await openConversation({ actor: person.actor, conversationId: "00000000-0000-4000-8000-000000000000", now: new Date() })).toBeNull();
  });
});
