import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { conversations, representations, sessions } from "@/db/schema";
import { actorOf } from "@/lib/access/actor";
import { createRepresentation, listOpenableSpaces } from "@/lib/access/representations";
import { chooseSubject } from "@/lib/access/subject-choice";
import { createSession, findLiveSession } from "@/lib/auth/sessions";
import { findMedicalProfile } from "@/lib/medical-profile/queries";
import { countUnreadMessages, findConversation, findConversations, openConversation } from "@/lib/messaging/queries";
import { postWelcomeMessage } from "@/lib/messaging/welcome";
import { answerQuestion, findQuestionnaireState, skipQuestion } from "@/lib/onboarding/questionnaire";
import { createActiveAccount, createInsuredPerson } from "@/tests/support/factories";

const minutes = (count: number) => count * 60_000;

/** The actor of the session's next request, as requireActor finds it. */
async function actorAt(sessionId: string, now: Date) {
  const live = await findLiveSession(getDb(), sessionId, { now, touch: false });
  return live ? actorOf(live) : null;
}

/**
 * A parent with an active space, signed in; their child in the register with a mailbox; and a
 * representation of the parent's account for the child, live from `start`.
 */
async function parentAndChild(start: Date, { validUntil = null }: { validUntil?: Date | null } = {}) {
  const parent = await createActiveAccount();
  const child = await createInsuredPerson({ firstNames: "Zoé", birthName: "Testeur", email: null, mobile: null });
  await postWelcomeMessage(getDb(), child.id, start);
  const [conversation] = await getDb().select().from(conversations).where(eq(conversations.personId, child.id));
  const representationId = await createRepresentation(getDb(), {
    actorAccountId: parent.accountId,
    subjectPersonId: child.id,
    basis: "legal_representative",
    source: "register",
    now: start,
    validUntil,
  });
  const sessionId = await createSession(getDb(), { accountId: parent.accountId, now: start });
  return { parent, child, conversationId: conversation!.id, representationId, sessionId };
}

describe("representations: who may act for whom", () => {
  it("lets the representative open the child's space and read and write its questionnaire, profile and mailbox", async () => {
    const start = new Date("2026-05-01T08:00:00Z");
    const { parent, child, conversationId, representationId, sessionId } = await parentAndChild(start);

    const before = await actorAt(sessionId, start);
    expect(before?.subject).toMatchObject({ personId: parent.person.id, basis: "self", hasCompletedQuestionnaire: false });
    expect(before?.account.mayOpenOtherSpaces).toBe(true);
    expect((await listOpenableSpaces({ actor: before!, now: start })).map((space) => space.fullName)).toEqual([
      "Camille Testeur",
      "Zoé Testeur",
    ]);

    expect(await chooseSubject({ actor: before!, personId: child.id, now: start })).toEqual({ status: "chosen" });
    const actor = await actorAt(sessionId, start);
    expect(actor).toMatchObject({
      account: { id: parent.accountId, kind: "patient" },
      subject: { personId: child.id, fullName: "Zoé Testeur", basis: "legal_representative", representationId },
    });

    expect(await answerQuestion({ actor: actor!, step: 1, values: { height: "1,12" }, now: start })).toMatchObject({ status: "saved" });
    expect(await findQuestionnaireState({ actor: actor! })).toEqual({ currentStep: 2, isCompleted: false });
    for (let step = 2; step <= 5; step += 1) await skipQuestion({ actor: actor!, step, now: start });
    // The next request's gate reads the child's questionnaire as done, the parent's as not.
    expect((await actorAt(sessionId, start))?.subject.hasCompletedQuestionnaire).toBe(true);
    const profile = await findMedicalProfile({ actor: actor! });
    expect(profile.measurements.map((series) => series.entries[0]?.value)).toEqual([112]);
    expect(await countUnreadMessages({ actor: actor! })).toBe(1);
    expect((await findConversations({ actor: actor! })).map((conversation) => conversation.id)).toEqual([conversationId]);
    expect((await openConversation({ actor: actor!, conversationId, now: start }))?.newlyReadCount).toBe(1);

    // The parent's own space kept its own data: nothing was written there.
    expect(await findQuestionnaireState({ actor: before! })).toEqual({ currentStep: 1, isCompleted: false });
    expect((await findMedicalProfile({ actor: before! })).measurements).toEqual([]);
    // Back to one's own space.
    expect(await chooseSubject({ actor: actor!, personId: parent.person.id, now: start })).toEqual({ status: "chosen" });
    expect((await actorAt(sessionId, start))?.subject.personId).toBe(parent.person.id);
  });

  it("lets nobody else in: another account cannot choose the child, nor reach its rows, even with the session forged", async () => {
    const start = new Date("2026-05-02T08:00:00Z");
    const { child, conversationId } = await parentAndChild(start);
    const stranger = await createActiveAccount();
    const strangerSession = await createSession(getDb(), { accountId: stranger.accountId, now: start });
    const strangerActor = (await actorAt(strangerSession, start))!;

    expect(await chooseSubject({ actor: strangerActor, personId: child.id, now: start })).toEqual({ status: "not-found" });
    expect(await chooseSubject({ actor: strangerActor, personId: "not-an-id", now: start })).toEqual({ status: "not-found" });
    expect(strangerActor.account.mayOpenOtherSpaces).toBe(false);
    expect((await listOpenableSpaces({ actor: strangerActor, now: start })).map((space) => space.personId)).toEqual([stranger.person.id]);
    expect(await findConversation({ actor: strangerActor, conversationId })).toBeNull();
    expect(await openConversation({ actor: strangerActor, conversationId, now: start })).toBeNull();

    // A session row pointed at the child by hand opens the stranger's own space, never the child's.
    await getDb().update(sessions).set({ currentSubjectPersonId: child.id }).where(eq(sessions.id, strangerSession));
    expect((await actorAt(strangerSession, start))?.subject.personId).toBe(stranger.person.id);
  });

  it("stops at the next request once the representation is revoked", async () => {
    const start = new Date("2026-05-03T08:00:00Z");
    const { parent, child, conversationId, representationId, sessionId } = await parentAndChild(start);
    const self = (await actorAt(sessionId, start))!;
    await chooseSubject({ actor: self, personId: child.id, now: start });
    expect((await actorAt(sessionId, start))?.subject.personId).toBe(child.id);

    const revokedAt = new Date(start.getTime() + minutes(2));
    await getDb().update(representations).set({ revokedAt }).where(eq(representations.id, representationId));
    const next = (await actorAt(sessionId, revokedAt))!;
    expect(next.subject).toMatchObject({ personId: parent.person.id, basis: "self" });
    expect(next.account.mayOpenOtherSpaces).toBe(false);
    expect(await findConversation({ actor: next, conversationId })).toBeNull();
    expect((await listOpenableSpaces({ actor: next, now: revokedAt })).map((space) => space.personId)).toEqual([parent.person.id]);
    expect(await chooseSubject({ actor: next, personId: child.id, now: revokedAt })).toEqual({ status: "not-found" });
  });

  it("stops at the next request once the representation has expired", async () => {
    const start = new Date("2026-05-04T08:00:00Z");
    const validUntil = new Date(start.getTime() + minutes(5));
    const { parent, child, sessionId } = await parentAndChild(start, { validUntil });
    await chooseSubject({ actor: (await actorAt(sessionId, start))!, personId: child.id, now: start });
    expect((await actorAt(sessionId, new Date(validUntil.getTime() - 1)))?.subject.personId).toBe(child.id);
    expect((await actorAt(sessionId, validUntil))?.subject).toMatchObject({ personId: parent.person.id, basis: "self" });
  });

  it("ends the session when the account's own representation is revoked too", async () => {
    const start = new Date("2026-05-05T08:00:00Z");
    const { parent, sessionId } = await parentAndChild(start);
    await getDb().update(representations).set({ revokedAt: start }).where(eq(representations.actorAccountId, parent.accountId));
    expect(await actorAt(sessionId, start)).toBeNull();
  });
});
