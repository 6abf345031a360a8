import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { representations, sessions } from "@/db/schema";
import { createSession, extendSession, findLiveSession, revokeAllSessions, revokeSession, sessionDeadline } from "@/lib/auth/sessions";
import { createActiveAccount } from "@/tests/support/factories";

const minutes = (count: number) => count * 60_000;
const at = (start: Date, offsetMs: number) => new Date(start.getTime() + offsetMs);

async function sessionRow(sessionId: string) {
  const [row] = await getDb().select().from(sessions).where(eq(sessions.id, sessionId));
  return row!;
}

describe("server-side sessions", () => {
  it("finds a fresh session with the person's names", async () => {
    const { person, accountId } = await createActiveAccount();
    const start = new Date("2026-06-01T08:00:00Z");
    const sessionId = await createSession(getDb(), { accountId, now: start });
    const live = await findLiveSession(getDb(), sessionId, { now: start, touch: true });
    expect(live).toMatchObject({
      sessionId,
      accountId,
      accountKind: "patient",
      subject: { personId: person.id, basis: "self", person: { firstNames: "Camille Marie", birthName: "Testeur" } },
    });
    expect(sessionDeadline(live!)).toEqual(at(start, minutes(15)));
  });

  it("ends after 15 idle minutes, and records why", async () => {
    const { accountId } = await createActiveAccount();
    const start = new Date("2026-06-01T09:00:00Z");
    const sessionId = await createSession(getDb(), { accountId, now: start });
    expect(await findLiveSession(getDb(), sessionId, { now: at(start, minutes(14) + 59_000), touch: false })).not.toBeNull();
    expect(await findLiveSession(getDb(), sessionId, { now: at(start, minutes(15)), touch: true })).toBeNull();
    expect(await sessionRow(sessionId)).toMatchObject({ revokedReason: "idle" });
    // Gone for good: activity afterwards does not bring it back.
    expect(await findLiveSession(getDb(), sessionId, { now: at(start, minutes(15)), touch: true })).toBeNull();
  });

  it("records activity at most once a minute, and activity keeps the session alive", async () => {
    const { accountId } = await createActiveAccount();
    const start = new Date("2026-06-01T10:00:00Z");
    const sessionId = await createSession(getDb(), { accountId, now: start });
    await findLiveSession(getDb(), sessionId, { now: at(start, 30_000), touch: true });
    expect((await sessionRow(sessionId)).lastActiveAt).toEqual(start);
    await findLiveSession(getDb(), sessionId, { now: at(start, 60_000), touch: true });
    expect((await sessionRow(sessionId)).lastActiveAt).toEqual(at(start, 60_000));
    // Reading without touching (the idle warning's check) is not activity.
    await findLiveSession(getDb(), sessionId, { now: at(start, minutes(10)), touch: false });
    expect((await sessionRow(sessionId)).lastActiveAt).toEqual(at(start, 60_000));

    // Activity every 10 minutes keeps it going for hours…
    for (let minute = 10; minute <= 11 * 60; minute += 10) {
      expect(await findLiveSession(getDb(), sessionId, { now: at(start, minutes(minute)), touch: true })).not.toBeNull();
    }
  });

  it("ends 12 hours after login whatever the activity", async () => {
    const { accountId } = await createActiveAccount();
    const start = new Date("2026-06-02T08:00:00Z");
    const sessionId = await createSession(getDb(), { accountId, now: start });
    for (let minute = 10; minute < 12 * 60; minute += 10) {
      await findLiveSession(getDb(), sessionId, { now: at(start, minutes(minute)), touch: true });
    }
    const nearEnd = await findLiveSession(getDb(), sessionId, { now: at(start, minutes(12 * 60 - 5)), touch: true });
    expect(sessionDeadline(nearEnd!)).toEqual(at(start, minutes(12 * 60)));
    expect(await findLiveSession(getDb(), sessionId, { now: at(start, minutes(12 * 60)), touch: true })).toBeNull();
  });

  it("\"Rester connecté\" starts the idle timeout again", async () => {
    const { accountId } = await createActiveAccount();
    const start = new Date("2026-06-03T08:00:00Z");
    const sessionId = await createSession(getDb(), { accountId, now: start });
    const extended = await extendSession(getDb(), sessionId, at(start, minutes(14)));
    expect(sessionDeadline(extended!)).toEqual(at(start, minutes(29)));
    expect(await findLiveSession(getDb(), sessionId, { now: at(start, minutes(28)), touch: false })).not.toBeNull();
    expect(await extendSession(getDb(), sessionId, at(start, minutes(45)))).toBeNull();
  });

  it("revokes one session at once on logout, and every session of the person on logout everywhere", async () => {
    const { accountId } = await createActiveAccount();
    const other = await createActiveAccount();
    const now = new Date("2026-06-04T08:00:00Z");
    const [phone, laptop, tablet] = await Promise.all(
      [1, 2, 3].map(() => createSession(getDb(), { accountId, now })),
    );
    const someoneElse = await createSession(getDb(), { accountId: other.accountId, now });

    await revokeSession(getDb(), phone!, "logout", now);
    expect(await findLiveSession(getDb(), phone, { now, touch: true })).toBeNull();
    expect(await sessionRow(phone!)).toMatchObject({ revokedReason: "logout", revokedAt: now });
    expect(await findLiveSession(getDb(), laptop, { now, touch: true })).not.toBeNull();

    expect(await revokeAllSessions(getDb(), accountId, "logout-everywhere", now)).toBe(2);
    expect(await findLiveSession(getDb(), laptop, { now, touch: true })).toBeNull();
    expect(await findLiveSession(getDb(), tablet, { now, touch: true })).toBeNull();
    expect(await findLiveSession(getDb(), someoneElse, { now, touch: true })).not.toBeNull();
    // A revocation keeps its first reason.
    expect(await sessionRow(phone!)).toMatchObject({ revokedReason: "logout" });
  });

  it("refuses unknown ids and anything that is not an id", async () => {
    const now = new Date();
    for (const sessionId of [undefined, "", "not-a-uuid", "00000000-0000-4000-8000-000000000000", "' or 1=1 --"]) {
      expect(await findLiveSession(getDb(), sessionId, { now, touch: true })).toBeNull();
    }
  });

  it("ends when the account may open no space any more: its own representation revoked", async () => {
    const { accountId } = await createActiveAccount();
    const now = new Date("2026-06-05T08:00:00Z");
    const sessionId = await createSession(getDb(), { accountId, now });
    await getDb().update(representations).set({ revokedAt: now }).where(eq(representations.actorAccountId, accountId));
    expect(await findLiveSession(getDb(), sessionId, { now, touch: true })).toBeNull();
  });
});

describe("clean-up by the jobs command", () => {
  it("deletes ended attempts, forgotten unknown-identifier lockouts and long-ended sessions, and keeps the rest", async () => {
    const { deleteStaleAuthRows } = await import("@/lib/auth/cleanup");
    const { checkLoginPassword } = await import("@/lib/auth/login");
    const { unknownIdentifierLockouts, authChallenges } = await import("@/db/schema");
    const account = await createActiveAccount();
    const start = new Date("2026-06-10T08:00:00Z");
    await checkLoginPassword({ identifier: "oublie.bientot", password: "x" }, { clientAddress: "198.51.100.1", now: start });
    await checkLoginPassword(account, { clientAddress: "198.51.100.2", now: start });
    const oldSession = await createSession(getDb(), { accountId: account.accountId, now: start });

    const dayLater = at(start, minutes(24 * 60 + 31));
    const soon = await deleteStaleAuthRows(getDb(), dayLater);
    expect(soon).toEqual({ challenges: 1, lockouts: 0, sessions: 0 });
    expect(await getDb().select().from(unknownIdentifierLockouts)).toHaveLength(1);

    const later = at(start, 91 * 86_400_000);
    const recent = await createSession(getDb(), { accountId: account.accountId, now: later });
    // Sessions of the other tests in this file, all from June, go as well.
    expect(await deleteStaleAuthRows(getDb(), later)).toMatchObject({ challenges: 0, lockouts: 1 });
    expect(await getDb().select().from(authChallenges)).toHaveLength(0);
    expect(await findLiveSession(getDb(), recent, { now: later, touch: false })).not.toBeNull();
    expect((await getDb().select().from(sessions).where(eq(sessions.id, oldSession)))).toHaveLength(0);
  });
});
