import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activityEvents, conversations, measurements, profileItems, sessions } from "@/db/schema";
import { verifyActivityChains } from "@/lib/activity/verify";
import { sendChallengeCode } from "@/lib/auth/challenges";
import { checkLoginPassword, verifyLoginCode } from "@/lib/auth/login";
import { completePasswordReset, startPasswordReset, verifyPasswordResetCode } from "@/lib/auth/recovery";
import { findLiveSession, logOut, logOutEverywhere } from "@/lib/auth/sessions";
import { acceptTerms, confirmContactChange, confirmContacts, createAccount, requestContactChange } from "@/lib/enrolment/activation";
import { runEnrolmentJobs } from "@/lib/enrolment/jobs";
import { opposeSpaceCreation } from "@/lib/enrolment/opposition";
import { identifyForCodeRequest, sendRequestedCode } from "@/lib/enrolment/request-code";
import { verifyProvisionalCode } from "@/lib/enrolment/verify-code";
import { openConversation } from "@/lib/messaging/queries";
import { answerQuestion, skipQuestion } from "@/lib/onboarding/questionnaire";
import { codeIn, createActiveAccount, createInsuredPerson, latestMessageTo, signInAs } from "@/tests/support/factories";

const CODE = /\b\d{6}\b/;
let addressCounter = 0;
const context = (now = new Date()) => ({ clientAddress: `203.0.113.${(addressCounter += 1) % 250}`, now });

/** The subject's history in order: what each event says, who did it, and what it points at. */
async function historyOf(subjectPersonId: string) {
  const rows = await getDb()
    .select()
    .from(activityEvents)
    .where(eq(activityEvents.subjectPersonId, subjectPersonId))
    .orderBy(asc(activityEvents.sequence));
  return rows.map((row) => ({
    action: row.action,
    actorKind: row.actorKind,
    actorAccountId: row.actorAccountId,
    targetType: row.targetType,
    targetId: row.targetId,
  }));
}

async function actionsOf(subjectPersonId: string) {
  return (await historyOf(subjectPersonId)).map((event) => event.action);
}

/** A person of the register who asked for a code and typed it: the start of enrolment's decisions. */
async function verifiedFlow(overrides: Parameters<typeof createInsuredPerson>[0] = {}) {
  const person = await createInsuredPerson(overrides);
  const identified = await identifyForCodeRequest(person, context());
  if (identified.status !== "identified") throw new Error("not identified");
  await sendRequestedCode(identified.flowToken, "email", context());
  const code = codeIn((await latestMessageTo(person.email!))?.textBody);
  const verified = await verifyProvisionalCode({ flowToken: identified.flowToken, code }, context());
  if (verified.status !== "verified") throw new Error("not verified");
  return { person, token: verified.flowToken };
}

describe("enrolment records its events, the person acting without an account", () => {
  it("a code requested, then an opposition", async () => {
    const { person, token } = await verifiedFlow();
    expect(await opposeSpaceCreation(token, new Date())).toMatchObject({ status: "opposed" });
    const history = await historyOf(person.id);
    expect(history).toEqual([
      { action: "enrolment.code-requested", actorKind: "patient", actorAccountId: null, targetType: "provisional_code", targetId: expect.any(String) },
      { action: "enrolment.opposed", actorKind: "patient", actorAccountId: null, targetType: "opposition", targetId: expect.any(String) },
    ]);
    // A second submit gets the same decision back and records nothing more.
    await opposeSpaceCreation(token, new Date());
    expect(await actionsOf(person.id)).toHaveLength(2);
  });

  it("a contact change, then the activation", async () => {
    const { person, token } = await verifiedFlow();
    await acceptTerms(token, new Date());
    const newMobile = "+33611223344";
    await requestContactChange(token, { kind: "mobile", value: newMobile }, context());
    const code = codeIn((await latestMessageTo(newMobile))?.textBody, CODE);
    // A wrong code changes nothing, and records nothing.
    await confirmContactChange(token, { code: code === "000000" ? "111111" : "000000" }, new Date());
    expect(await confirmContactChange(token, { code }, new Date())).toEqual({ status: "changed" });
    await confirmContacts(token, new Date());
    expect(await createAccount(token, { identifier: `ines.${person.id.slice(0, 8)}`, password: "Tournesol#Vert42" }, new Date())).toEqual({
      status: "activated",
    });
    expect(await historyOf(person.id)).toEqual([
      expect.objectContaining({ action: "enrolment.code-requested" }),
      { action: "contact.mobile-changed", actorKind: "patient", actorAccountId: null, targetType: "contact_verification", targetId: expect.any(String) },
      { action: "enrolment.activated", actorKind: "patient", actorAccountId: null, targetType: "account", targetId: expect.any(String) },
    ]);
  });

  it("the job's notification and the space it creates after the waiting period, by the system", async () => {
    const person = await createInsuredPerson();
    const monday = new Date("2026-09-07T06:00:00Z");
    await runEnrolmentJobs({ now: monday });
    await runEnrolmentJobs({ now: new Date(monday.getTime() + 43 * 86_400_000) });
    expect(await historyOf(person.id)).toEqual([
      { action: "enrolment.notified", actorKind: "system", actorAccountId: null, targetType: null, targetId: null },
      { action: "enrolment.space-created", actorKind: "system", actorAccountId: null, targetType: null, targetId: null },
    ]);
  });
});

describe("login, logout and password reset record their events under the account", () => {
  it("a wrong password, a wrong code, then a login; an unknown identifier records nothing", async () => {
    const account = await createActiveAccount();
    const { accountId } = account;
    const now = new Date("2026-09-01T08:00:00Z");
    expect((await checkLoginPassword({ identifier: account.identifier, password: "Pas-le-bon-1" }, context(now))).status).toBe(
      "invalid-credentials",
    );
    const started = await checkLoginPassword(account, context(now));
    if (started.status !== "password-verified") throw new Error(started.status);
    await sendChallengeCode(started.challengeToken, "login", "email", context(now));
    const code = codeIn((await latestMessageTo(account.email!))?.textBody, CODE);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect((await verifyLoginCode({ challengeToken: started.challengeToken, code: wrong }, context(now))).status).toBe("wrong-code");
    const verified = await verifyLoginCode({ challengeToken: started.challengeToken, code }, context(now));
    if (verified.status !== "verified") throw new Error(verified.status);

    expect(await historyOf(account.person.id)).toEqual([
      { action: "auth.password-refused", actorKind: "patient", actorAccountId: accountId, targetType: null, targetId: null },
      { action: "auth.login-code-sent", actorKind: "patient", actorAccountId: accountId, targetType: "auth_challenge", targetId: expect.any(String) },
      { action: "auth.code-refused", actorKind: "patient", actorAccountId: accountId, targetType: "auth_challenge", targetId: expect.any(String) },
      { action: "auth.login-succeeded", actorKind: "patient", actorAccountId: accountId, targetType: "session", targetId: verified.sessionId },
    ]);

    const before = (await getDb().select({ id: activityEvents.id }).from(activityEvents)).length;
    await checkLoginPassword({ identifier: "personne.inconnue", password: "Pas-le-bon-1" }, context(now));
    expect((await getDb().select({ id: activityEvents.id }).from(activityEvents)).length).toBe(before);
  });

  it("logging out, once, and out of every device", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-09-01T09:00:00Z");
    const [first, second] = await getDb()
      .insert(sessions)
      .values([0, 1].map(() => ({ accountId: account.accountId, createdAt: now, lastActiveAt: now, expiresAt: new Date(now.getTime() + 3_600_000) })))
      .returning({ id: sessions.id });
    await logOut(first!.id, now);
    // Already ended: nothing more to record.
    await logOut(first!.id, now);
    await logOutEverywhere(account.accountId, now);
    expect(await historyOf(account.person.id)).toEqual([
      { action: "auth.logged-out", actorKind: "patient", actorAccountId: account.accountId, targetType: "session", targetId: first!.id },
      { action: "auth.sessions-revoked", actorKind: "patient", actorAccountId: account.accountId, targetType: null, targetId: null },
    ]);
    const [row] = await getDb().select().from(sessions).where(eq(sessions.id, second!.id));
    expect(row?.revokedReason).toBe("logout-everywhere");
  });

  it("a session that went idle, ended by the system when it is next used", async () => {
    const account = await createActiveAccount();
    const start = new Date("2026-09-01T11:00:00Z");
    const [session] = await getDb()
      .insert(sessions)
      .values({ accountId: account.accountId, createdAt: start, lastActiveAt: start, expiresAt: new Date(start.getTime() + 3_600_000) })
      .returning({ id: sessions.id });
    const later = new Date(start.getTime() + 20 * 60_000);
    expect(await findLiveSession(getDb(), session!.id, { now: later, touch: true })).toBeNull();
    expect(await findLiveSession(getDb(), session!.id, { now: later, touch: true })).toBeNull();
    expect(await historyOf(account.person.id)).toEqual([
      { action: "auth.session-expired", actorKind: "system", actorAccountId: null, targetType: "session", targetId: session!.id },
    ]);
  });

  it("a password reset", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-09-01T10:00:00Z");
    const identity = { nir: account.person.nir, birthDate: account.person.birthDate, vitaleSerial: account.person.vitaleSerial };
    const started = await startPasswordReset(identity, context(now));
    if (started.status !== "identified") throw new Error(started.status);
    await sendChallengeCode(started.challengeToken, "password-reset", "email", context(now));
    const code = codeIn((await latestMessageTo(account.email!))?.textBody, CODE);
    await verifyPasswordResetCode({ challengeToken: started.challengeToken, code }, context(now));
    expect(await completePasswordReset({ challengeToken: started.challengeToken, password: "Nouveau-Tilleul-77" }, { now })).toEqual({
      status: "changed",
    });
    expect(await historyOf(account.person.id)).toEqual([
      { action: "auth.reset-code-sent", actorKind: "patient", actorAccountId: account.accountId, targetType: "auth_challenge", targetId: expect.any(String) },
      { action: "auth.password-reset", actorKind: "patient", actorAccountId: account.accountId, targetType: "auth_challenge", targetId: expect.any(String) },
    ]);
  });
});

describe("the space records its writes", () => {
  it("questionnaire answers and skips, with the profile changes they make", async () => {
    const { person, accountId } = await createActiveAccount();
    const actor = await signInAs(accountId);
    const now = new Date("2026-09-02T08:00:00Z");
    await answerQuestion({ actor, step: 1, values: { height: "1,72" }, now });
    await skipQuestion({ actor, step: 2, now });
    await answerQuestion({ actor, step: 3, values: { answer: "oui", details: "Asthme\nMigraine" }, now });
    const [measurement] = await getDb().select().from(measurements).where(eq(measurements.personId, person.id));
    const items = await getDb().select().from(profileItems).where(eq(profileItems.personId, person.id)).orderBy(asc(profileItems.createdAt));
    const self = { actorKind: "patient", actorAccountId: accountId };
    expect(await historyOf(person.id)).toEqual([
      { action: "medical-profile.measurement-added", ...self, targetType: "measurement", targetId: measurement!.id },
      { action: "questionnaire.answered", ...self, targetType: "questionnaire", targetId: person.id },
      { action: "questionnaire.skipped", ...self, targetType: "questionnaire", targetId: person.id },
      { action: "medical-profile.item-added", ...self, targetType: "profile_item", targetId: items[0]!.id },
      { action: "medical-profile.item-added", ...self, targetType: "profile_item", targetId: items[1]!.id },
      { action: "questionnaire.answered", ...self, targetType: "questionnaire", targetId: person.id },
    ]);
    // A second submit of a question already past writes nothing, and records nothing.
    await answerQuestion({ actor, step: 1, values: { height: "1,72" }, now });
    expect(await actionsOf(person.id)).toHaveLength(6);
  });

  it("a message read, once", async () => {
    const { person, accountId } = await createActiveAccount();
    // activateSpace posted the welcome message, unread.
    const [conversation] = await getDb().select().from(conversations).where(eq(conversations.personId, person.id));
    const actor = await signInAs(accountId);
    await openConversation({ actor, conversationId: conversation!.id, now: new Date() });
    await openConversation({ actor, conversationId: conversation!.id, now: new Date() });
    expect(await historyOf(person.id)).toEqual([
      { action: "messaging.message-read", actorKind: "patient", actorAccountId: accountId, targetType: "conversation", targetId: conversation!.id },
    ]);
  });

  it("leaves every chain it wrote whole", async () => {
    expect((await verifyActivityChains(getDb())).breaks).toEqual([]);
  });
});
