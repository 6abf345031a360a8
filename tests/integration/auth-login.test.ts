import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { accounts, authChallenges, sessions, unknownIdentifierLockouts } from "@/db/schema";
import { findChallengeContacts, sendChallengeCode } from "@/lib/auth/challenges";
import { checkLoginPassword, verifyLoginCode } from "@/lib/auth/login";
import { generateOneTimeCode } from "@/lib/auth/one-time-code";
import { hashToken } from "@/lib/security/secrets";
import { codeIn, createActiveAccount, latestMessageTo, messagesTo } from "@/tests/support/factories";

// The real generator, which a test may ask for chosen codes (two attempts that must not share one).
vi.mock("@/lib/auth/one-time-code", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/one-time-code")>();
  return { ...original, generateOneTimeCode: vi.fn(original.generateOneTimeCode) };
});

const CODE = /\b\d{6}\b/;
const minutes = (count: number) => count * 60_000;
let addressCounter = 0;
/** A client address of its own for each call unless given: per-address limits stay out of the way. */
const context = (now: Date, clientAddress = `198.51.100.${(addressCounter += 1) % 250}`) => ({ clientAddress, now });

async function passwordStep(identifier: string, password: string, now: Date) {
  const result = await checkLoginPassword({ identifier, password }, context(now));
  if (result.status !== "password-verified") throw new Error(`password refused: ${result.status}`);
  return result.challengeToken;
}

/** Identifier and password, then a code by e-mail: returns the attempt's token and the code received. */
async function startLogin(account: { identifier: string; password: string; email: string | null }, now: Date) {
  const challengeToken = await passwordStep(account.identifier, account.password, now);
  const sent = await sendChallengeCode(challengeToken, "login", "email", context(now));
  if (sent.status !== "sent") throw new Error(`code not sent: ${sent.status}`);
  const code = codeIn((await latestMessageTo(account.email!))?.textBody, CODE);
  return { challengeToken, code };
}

function wrongCodeFor(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, "0");
}

async function accountRow(personId: string) {
  const [row] = await getDb().select().from(accounts).where(eq(accounts.personId, personId));
  return row!;
}

describe("login, first step: identifier and password", () => {
  it("opens a login attempt for the right password, bound to an HttpOnly-cookie token stored hashed", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-04-01T08:00:00Z");
    const token = await passwordStep(account.identifier, account.password, now);
    const [row] = await getDb().select().from(authChallenges).where(eq(authChallenges.tokenHash, hashToken(token)));
    expect(row?.accountId).toBe(account.accountId);
    expect(row?.purpose).toBe("login");
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("accepts the identifier typed with capitals or spaces around it", async () => {
    const account = await createActiveAccount();
    const result = await checkLoginPassword(
      { identifier: `  ${account.identifier.toUpperCase()} `, password: account.password },
      context(new Date()),
    );
    expect(result.status).toBe("password-verified");
  });

  it("answers a wrong password and an unknown identifier with the same result", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-04-01T09:00:00Z");
    const wrongPassword = await checkLoginPassword({ identifier: account.identifier, password: "Mauvais-Mot-2-Passe" }, context(now));
    const unknown = await checkLoginPassword({ identifier: "personne.inconnue", password: account.password }, context(now));
    expect(wrongPassword).toEqual({ status: "invalid-credentials", failuresLeftBeforeLock: 9 });
    expect(unknown).toEqual(wrongPassword);
  });

  it("opens nothing for an account whose space is not active", async () => {
    const account = await createActiveAccount();
    const { spaces } = await import("@/db/schema");
    await getDb().update(spaces).set({ status: "opposed" }).where(eq(spaces.personId, account.person.id));
    const result = await checkLoginPassword({ identifier: account.identifier, password: account.password }, context(new Date()));
    expect(result.status).toBe("invalid-credentials");
  });
});

describe("login, second step: the one-time code", () => {
  it("shows the contacts on file masked, sends a 6-digit code by e-mail or SMS, stores only its hash", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-04-02T08:00:00Z");
    const token = await passwordStep(account.identifier, account.password, now);
    const contacts = await findChallengeContacts(token, "login", now);
    expect(contacts?.email).toMatch(/^c\*+[a-z0-9]@example\.org$/);
    expect(contacts?.mobile).toMatch(/^06 \*\* \*\* \*\* \d{2}$/);
    expect(contacts?.sentCode).toBeNull();

    const sms = await sendChallengeCode(token, "login", "sms", context(now));
    expect(sms).toMatchObject({ status: "sent", channel: "sms", validUntil: new Date(now.getTime() + minutes(10)) });
    const message = await latestMessageTo(account.mobile!);
    expect(message?.template).toBe("login-code");
    const code = codeIn(message?.textBody, CODE);
    const [row] = await getDb().select().from(authChallenges).where(eq(authChallenges.tokenHash, hashToken(token)));
    expect(row?.codeHash).toBeTruthy();
    expect(JSON.stringify(row)).not.toContain(code);
    expect((await findChallengeContacts(token, "login", now))?.sentCode).toMatchObject({ channel: "sms" });
  });

  it("refuses a channel the account has no contact for", async () => {
    const account = await createActiveAccount({ mobile: null });
    const token = await passwordStep(account.identifier, account.password, new Date());
    expect(await sendChallengeCode(token, "login", "sms", context(new Date()))).toEqual({ status: "channel-unavailable" });
  });

  it("opens a session for the right code, once", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-04-02T09:00:00Z");
    const { challengeToken, code } = await startLogin(account, now);
    const later = new Date(now.getTime() + minutes(2));
    const result = await verifyLoginCode({ challengeToken, code }, { ...context(later), userAgent: "Firefox" });
    expect(result.status).toBe("verified");
    if (result.status !== "verified") return;
    const [session] = await getDb().select().from(sessions).where(eq(sessions.id, result.sessionId));
    expect(session).toMatchObject({ accountId: account.accountId, userAgent: "Firefox", revokedAt: null });
    expect(session?.expiresAt).toEqual(new Date(later.getTime() + 12 * 3_600_000));

    expect(await verifyLoginCode({ challengeToken, code }, context(later))).toEqual({ status: "attempt-expired" });
  });

  it("refuses a code after its ten minutes, and a resent code replaces the previous one", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-04-02T10:00:00Z");
    const { challengeToken, code: first } = await startLogin(account, now);
    const late = new Date(now.getTime() + minutes(10));
    expect(await verifyLoginCode({ challengeToken, code: first }, context(late))).toEqual({ status: "code-expired" });

    vi.mocked(generateOneTimeCode).mockReturnValueOnce(wrongCodeFor(first));
    const resent = await sendChallengeCode(challengeToken, "login", "email", context(late));
    expect(resent.status).toBe("sent");
    const second = codeIn((await latestMessageTo(account.email!))?.textBody, CODE);
    expect(second).not.toBe(first);
    expect(await verifyLoginCode({ challengeToken, code: first }, context(late))).toMatchObject({ status: "wrong-code" });
    expect((await verifyLoginCode({ challengeToken, code: second }, context(late))).status).toBe("verified");
  });

  it("sends one code when the send is clicked twice", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-04-02T11:00:00Z");
    const token = await passwordStep(account.identifier, account.password, now);
    const first = await sendChallengeCode(token, "login", "email", context(now));
    const second = await sendChallengeCode(token, "login", "email", context(new Date(now.getTime() + 5_000)));
    expect(first).toMatchObject({ status: "sent", isNew: true });
    expect(second).toMatchObject({ status: "sent", isNew: false, validUntil: new Date(now.getTime() + minutes(10)) });
    expect(await messagesTo(account.email!)).toHaveLength(1);
  });

  it("never accepts a code sent for another login attempt", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-04-02T12:00:00Z");
    vi.mocked(generateOneTimeCode).mockReturnValueOnce("123456").mockReturnValueOnce("654321");
    const first = await startLogin(account, now);
    const second = await startLogin(account, new Date(now.getTime() + minutes(1)));
    expect([first.code, second.code]).toEqual(["123456", "654321"]);
    const crossed = await verifyLoginCode({ challengeToken: second.challengeToken, code: first.code }, context(now));
    expect(crossed.status).toBe("wrong-code");
    expect((await verifyLoginCode(first, context(now))).status).toBe("verified");
  });

  it("ends the attempt after five wrong codes: the right code no longer opens it", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-04-02T13:00:00Z");
    const { challengeToken, code } = await startLogin(account, now);
    const results = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      results.push(await verifyLoginCode({ challengeToken, code: wrongCodeFor(code) }, context(now)));
    }
    expect(results.map((result) => result.status)).toEqual(["wrong-code", "wrong-code", "wrong-code", "wrong-code", "attempt-expired"]);
    expect(results[0]).toEqual({ status: "wrong-code", remainingAttempts: 4 });
    expect(await verifyLoginCode({ challengeToken, code }, context(now))).toEqual({ status: "attempt-expired" });
    expect(await sendChallengeCode(challengeToken, "login", "email", context(now))).toEqual({ status: "attempt-expired" });
  });

  it("ends an attempt after thirty minutes", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-04-02T14:00:00Z");
    const token = await passwordStep(account.identifier, account.password, now);
    const late = new Date(now.getTime() + minutes(30));
    expect(await sendChallengeCode(token, "login", "email", context(late))).toEqual({ status: "attempt-expired" });
    expect(await findChallengeContacts(token, "login", late)).toBeNull();
  });
});

describe("lockout", () => {
  it("locks after 10 consecutive failures, passwords and codes alike, for a growing delay", async () => {
    const account = await createActiveAccount();
    const start = new Date("2026-04-03T08:00:00Z");
    // 5 wrong codes, then 5 wrong passwords: the tenth failure locks for 15 minutes.
    const { challengeToken, code } = await startLogin(account, start);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await verifyLoginCode({ challengeToken, code: wrongCodeFor(code) }, context(start));
    }
    const answers = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      answers.push(await checkLoginPassword({ identifier: account.identifier, password: "Mauvais-Mot-2-Passe" }, context(start)));
    }
    const firstLockEnd = new Date(start.getTime() + minutes(15));
    expect(answers.at(-2)).toEqual({ status: "invalid-credentials", failuresLeftBeforeLock: 1 });
    expect(answers.at(-1)).toEqual({ status: "locked", lockedUntil: firstLockEnd });
    expect(await accountRow(account.person.id)).toMatchObject({ lockCount: 1, lockedUntil: firstLockEnd, consecutiveFailures: 0 });

    // While locked even the right password is not checked: the answer does not depend on it.
    const during = new Date(start.getTime() + minutes(14));
    const right = await checkLoginPassword(account, context(during));
    const wrong = await checkLoginPassword({ identifier: account.identifier, password: "Autre-Essai-99" }, context(during));
    expect(right).toEqual({ status: "locked", lockedUntil: firstLockEnd });
    expect(wrong).toEqual(right);

    // Ten more failures after the first lock: this one lasts an hour.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await checkLoginPassword({ identifier: account.identifier, password: "Mauvais-Mot-2-Passe" }, context(firstLockEnd));
    }
    expect((await accountRow(account.person.id)).lockedUntil).toEqual(new Date(firstLockEnd.getTime() + minutes(60)));
  });

  it("warns the owner by e-mail when the account locks", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-04-03T09:00:00Z");
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await checkLoginPassword({ identifier: account.identifier, password: "Mauvais-Mot-2-Passe" }, context(now));
    }
    const notice = await latestMessageTo(account.email!);
    expect(notice?.template).toBe("account-locked");
    expect(notice?.textBody).toContain("bloquée jusqu'au 03/04/2026 à 11:15");
    expect(notice?.textBody).toContain("« Mot de passe oublié ? » ne lève pas ce blocage");
  });

  it("lets the owner in at the first try once the lock has ended, and clears the failures", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-04-03T10:00:00Z");
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await checkLoginPassword({ identifier: account.identifier, password: "Mauvais-Mot-2-Passe" }, context(now));
    }
    const lockEnd = (await accountRow(account.person.id)).lockedUntil!;
    const { challengeToken, code } = await startLogin(account, lockEnd);
    expect((await verifyLoginCode({ challengeToken, code }, context(lockEnd))).status).toBe("verified");
    expect(await accountRow(account.person.id)).toMatchObject({ consecutiveFailures: 0, lockCount: 0, lockedUntil: null });
  });

  it("refuses codes while the account is locked, even for an attempt begun before", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-04-03T11:00:00Z");
    const { challengeToken, code } = await startLogin(account, now);
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await checkLoginPassword({ identifier: account.identifier, password: "Mauvais-Mot-2-Passe" }, context(now));
    }
    const lockedUntil = new Date(now.getTime() + minutes(15));
    expect(await verifyLoginCode({ challengeToken, code }, context(now))).toEqual({ status: "locked", lockedUntil });
    expect(await sendChallengeCode(challengeToken, "login", "sms", context(now))).toEqual({ status: "locked", lockedUntil });
  });

  it("gives an unknown identifier exactly the answers of a known one, lock included", async () => {
    const account = await createActiveAccount();
    const unknownIdentifier = "quelqu.un.d.autre";
    const start = new Date("2026-04-03T12:00:00Z");
    const sequence = async (identifier: string) => {
      const answers = [];
      for (let attempt = 0; attempt < 12; attempt += 1) {
        answers.push(await checkLoginPassword({ identifier, password: "Mauvais-Mot-2-Passe" }, context(start)));
      }
      const afterLock = new Date(start.getTime() + minutes(15));
      for (let attempt = 0; attempt < 11; attempt += 1) {
        answers.push(await checkLoginPassword({ identifier, password: "Mauvais-Mot-2-Passe" }, context(afterLock)));
      }
      return answers;
    };
    const known = await sequence(account.identifier);
    const unknown = await sequence(unknownIdentifier);
    expect(unknown).toEqual(known);
    expect(known[9]).toEqual({ status: "locked", lockedUntil: new Date(start.getTime() + minutes(15)) });
    expect(known.at(-1)).toEqual({ status: "locked", lockedUntil: new Date(start.getTime() + minutes(75)) });
    // What people type by mistake is not kept in clear.
    const rows = await getDb().select().from(unknownIdentifierLockouts);
    expect(JSON.stringify(rows)).not.toContain(unknownIdentifier);
  });

  it("forgets failures and past locks 30 days after the last failure, for known and unknown identifiers alike", async () => {
    const account = await createActiveAccount();
    const start = new Date("2026-04-05T08:00:00Z");
    const sequence = async (identifier: string) => {
      const answers = [];
      // A first lock, then 9 failures after it.
      for (let attempt = 0; attempt < 10; attempt += 1) {
        answers.push(await checkLoginPassword({ identifier, password: "Mauvais-Mot-2-Passe" }, context(start)));
      }
      const afterLock = new Date(start.getTime() + minutes(15));
      for (let attempt = 0; attempt < 9; attempt += 1) {
        answers.push(await checkLoginPassword({ identifier, password: "Mauvais-Mot-2-Passe" }, context(afterLock)));
      }
      // A month later: a fresh count of 10, and a first lock of 15 minutes again.
      const monthLater = new Date(afterLock.getTime() + 30 * 86_400_000);
      for (let attempt = 0; attempt < 10; attempt += 1) {
        answers.push(await checkLoginPassword({ identifier, password: "Mauvais-Mot-2-Passe" }, context(monthLater)));
      }
      return answers;
    };
    const known = await sequence(account.identifier);
    expect(known[19]).toEqual({ status: "invalid-credentials", failuresLeftBeforeLock: 9 });
    expect(known.at(-1)).toEqual({
      status: "locked",
      lockedUntil: new Date(start.getTime() + minutes(15) + 30 * 86_400_000 + minutes(15)),
    });
    expect(await sequence("encore.un.inconnu")).toEqual(known);
  });

  it("serialises parallel guesses: none slips past the lock", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-04-03T13:00:00Z");
    const answers = await Promise.all(
      Array.from({ length: 14 }, () =>
        checkLoginPassword({ identifier: account.identifier, password: "Mauvais-Mot-2-Passe" }, context(now)),
      ),
    );
    expect(answers.filter((answer) => answer.status === "invalid-credentials")).toHaveLength(9);
    expect(answers.filter((answer) => answer.status === "locked")).toHaveLength(5);
    expect((await accountRow(account.person.id)).lockCount).toBe(1);
  });
});

describe("rate limits", () => {
  it("limits password checks per client address, whatever the identifier", async () => {
    const now = new Date("2026-04-04T08:00:00Z");
    const address = "203.0.113.77";
    const statuses = [];
    for (let attempt = 0; attempt < 31; attempt += 1) {
      statuses.push((await checkLoginPassword({ identifier: `inconnu.${attempt}.x`, password: "x" }, context(now, address))).status);
    }
    expect(statuses.slice(0, 30).every((status) => status === "invalid-credentials")).toBe(true);
    expect(statuses[30]).toBe("rate-limited");
  });

  it("limits code checks per client address", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-04-04T09:00:00Z");
    const address = "203.0.113.78";
    const statuses = [];
    for (let attempt = 0; attempt < 31; attempt += 1) {
      statuses.push((await verifyLoginCode({ challengeToken: `pas-un-jeton-${attempt}`, code: "000000" }, context(now, address))).status);
    }
    expect(statuses.slice(0, 30).every((status) => status === "attempt-expired")).toBe(true);
    expect(statuses[30]).toBe("rate-limited");
    // Another address is not affected.
    const { challengeToken, code } = await startLogin(account, now);
    expect((await verifyLoginCode({ challengeToken, code }, context(now))).status).toBe("verified");
  });

  it("limits code sends per account", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-04-04T10:00:00Z");
    const token = await passwordStep(account.identifier, account.password, now);
    const statuses = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const channel = attempt % 2 === 0 ? "email" : "sms";
      statuses.push((await sendChallengeCode(token, "login", channel, context(new Date(now.getTime() + attempt * 60_000)))).status);
    }
    expect(statuses).toEqual(["sent", "sent", "sent", "sent", "sent", "rate-limited"]);
  });

  it("compares at most 100 codes a day for one account, even were the other protections gone", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-04-04T11:00:00Z");
    const { challengeToken, code } = await startLogin(account, now);
    const [challenge] = await getDb().select().from(authChallenges).where(eq(authChallenges.tokenHash, hashToken(challengeToken)));
    const statuses = [];
    for (let attempt = 0; attempt < 101; attempt += 1) {
      // Wipes the attempt's five tries and the account's lock count, to reach the daily limit behind them.
      await getDb().update(authChallenges).set({ failedCodeAttempts: 0 }).where(eq(authChallenges.id, challenge!.id));
      await getDb().update(accounts).set({ consecutiveFailures: 0 }).where(eq(accounts.personId, account.person.id));
      statuses.push((await verifyLoginCode({ challengeToken, code: wrongCodeFor(code) }, context(now))).status);
    }
    expect(statuses.filter((status) => status === "wrong-code")).toHaveLength(100);
    expect(statuses[100]).toBe("rate-limited");
    // Not even the right code is compared until the next day.
    expect((await verifyLoginCode({ challengeToken, code }, context(now))).status).toBe("rate-limited");
  });
});
