import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activityEvents, conversations, documents, messageAttachments, messages, notifications, outgoingMessages } from "@/db/schema";
import { applyDemoStates } from "@/lib/enrolment/demo-states";
import { DEMO_CONVERSATION_SUBJECT, seedDemoMailbox } from "@/lib/messaging/demo-mailbox";
import { seedDemoProfessionals } from "@/lib/professionals/demo-accounts";
import { buildDemoRegisterCsv } from "@/lib/register/demo-register";
import { importRegister } from "@/lib/register/import";

async function counts() {
  const db = getDb();
  return {
    conversations: await db.$count(conversations),
    messages: await db.$count(messages),
    attachments: await db.$count(messageAttachments),
    documents: await db.$count(documents),
    notifications: await db.$count(notifications),
    events: await db.$count(activityEvents),
    outgoing: await db.$count(outgoingMessages),
  };
}

describe("the demo mailbox (npm run db:seed)", () => {
  it("gives the demo patient the doctor's document and message with its attachment and their notifications, once", async () => {
    await importRegister(buildDemoRegisterCsv());
    await applyDemoStates();
    expect(await seedDemoProfessionals()).toMatchObject({ status: "imported" });

    expect(await seedDemoMailbox()).toEqual({ status: "seeded" });
    const [conversation] = await getDb().select().from(conversations).where(eq(conversations.subject, DEMO_CONVERSATION_SUBJECT));
    expect(conversation).toMatchObject({ counterpartName: "Dr Anne Leroy", closedAt: null });
    expect(await getDb().$count(messageAttachments, eq(messageAttachments.personId, conversation!.personId))).toBe(1);
    const kinds = (await getDb().select().from(notifications).where(eq(notifications.personId, conversation!.personId))).map((row) => row.kind).sort();
    expect(kinds).toEqual(["document_added", "message_received", "professional_access"]);

    const before = await counts();
    expect(await seedDemoMailbox()).toEqual({ status: "already-there" });
    expect(await counts()).toEqual(before);
  });
});
