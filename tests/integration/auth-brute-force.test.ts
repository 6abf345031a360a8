import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accounts, authChallenges, rateLimitCounters, sessions } from "@/db/schema";
import { sendChallengeCode } from "@/lib/auth/challenges";
import { checkLoginPassword, verifyLoginCode } from "@/lib/auth/login";
import { codeIn, createActiveAccount, latestMessageTo, messagesTo } from "@/tests/support/factories";
import { bruteForceAddresses } from "@/tests/support/test-volume";

/** One batch: every address sends one code at the same instant; the batches spread over one day. */
const BATCHES = 200;
/** Fewer on PGlite at every commit: the volume, not the attack's timeline (tests/support/test-volume.ts). */
const ADDRESSES = Array.from({ length: bruteForceAddresses(process.env.TEST_DATABASE) }, (_, index) => `192.0.2.${index + 1}`);
const TOTAL_CODES = BATCHES * ADDRESSES.length;
const DAY_MS = 86_400_000;
const BATCH_INTERVAL_MS = DAY_MS / BATCHES;

describe("brute force on the one-time code", () => {
  it(`accepts none of ${TOTAL_CODES.toLocaleString("en")} wrong codes from ${ADDRESSES.length} addresses, evaluates at most 100 a day, and lets the owner in after the lock`, async () => {
    // The worst case: the attacker knows the password and only lacks the code sent to the owner.
    const account = await createActiveAccount();
    const start = new Date("2026-05-04T00:00:00Z");
    const statuses = new Map<string, number>();
    let challengeToken: string | null = null;
    let liveCode: string | null = null;
    let nextGuess = 0;
    let passwordSteps = 0;
    let codesSent = 0;
    const startedAt = performance.now();

    for (let batch = 0; batch < BATCHES; batch += 1) {
      const now = new Date(start.getTime() + batch * BATCH_INTERVAL_MS);
      // Between batches the attacker opens a new login attempt if theirs died (five wrong codes, lock).
      if (challengeToken === null) {
        passwordSteps += 1;
        const opened = await checkLoginPassword(account, { clientAddress: ADDRESSES[batch % ADDRESSES.length]!, now });
        if (opened.status === "password-verified") {
          const sent = await sendChallengeCode(opened.challengeToken, "login", "email", { clientAddress: ADDRESSES[0]!, now });
          if (sent.status === "sent") {
            codesSent += 1;
            challengeToken = opened.challengeToken;
            liveCode = codeIn((await latestMessageTo(account.email!))?.textBody, /\b\d{6}\b/);
          }
        }
      }
      // Enumerates the code space in order, skipping the real code: every guess is wrong.
      const guesses = ADDRESSES.map(() => {
        let guess = String(nextGuess++ % 1_000_000).padStart(6, "0");
        if (guess === liveCode) guess = String(nextGuess++ % 1_000_000).padStart(6, "0");
        return guess;
      });
      const token = challengeToken ?? "jeton-perime";
      const results = await Promise.all(
        guesses.map((code, index) => verifyLoginCode({ challengeToken: token, code }, { clientAddress: ADDRESSES[index]!, now })),
      );
      for (const result of results) statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
      if (results.some((result) => result.status === "attempt-expired" || result.status === "locked")) {
        challengeToken = null;
        liveCode = null;
      }
    }
    const elapsedMs = performance.now() - startedAt;

    const sent = [...statuses.values()].reduce((sum, count) => sum + count, 0);
    const [dayCounter] = await getDb()
      .select({ count: rateLimitCounters.count })
      .from(rateLimitCounters)
      .where(and(like(rateLimitCounters.key, `auth:codeChecksPerAccountDay:${account.accountId}`), eq(rateLimitCounters.windowStart, start)));
    const challenges = await getDb().select().from(authChallenges).where(eq(authChallenges.accountId, account.accountId));
    const evaluated = challenges.reduce((sum, challenge) => sum + challenge.failedCodeAttempts, 0);
    const [afterAttack] = await getDb().select().from(accounts).where(eq(accounts.id, account.accountId));
    const openedSessions = await getDb().select().from(sessions).where(eq(sessions.accountId, account.accountId));
    const ownerMessages = await messagesTo(account.email!);

    console.info(
      [
        `[brute force] ${sent} wrong codes from ${ADDRESSES.length} addresses over 24 h, in ${(elapsedMs / 1000).toFixed(1)} s`,
        `  answers: ${JSON.stringify(Object.fromEntries(statuses))}`,
        `  codes compared with a live code: ${evaluated} (daily per-account counter: ${dayCounter?.count ?? 0}); accepted: ${statuses.get("verified") ?? 0}`,
        `  password steps tried: ${passwordSteps}, login attempts opened: ${challenges.length}, codes sent to the owner: ${codesSent}`,
        `  locks taken: ${afterAttack?.lockCount}, locked until ${afterAttack?.lockedUntil?.toISOString()}`,
        `  messages to the owner: ${ownerMessages.map((message) => message.template).join(", ")}`,
      ].join("\n"),
    );

    expect(sent).toBe(TOTAL_CODES);
    expect(statuses.get("verified") ?? 0).toBe(0);
    expect(openedSessions).toHaveLength(0);
    expect(evaluated).toBeLessThanOrEqual(100);
    expect(dayCounter?.count ?? 0).toBeLessThanOrEqual(100);
    expect(afterAttack?.lockedUntil?.getTime()).toBeGreaterThan(start.getTime() + DAY_MS);
    // The owner was told each time the account locked.
    expect(ownerMessages.filter((message) => message.template === "account-locked")).toHaveLength(afterAttack?.lockCount ?? -1);

    // The owner, after the lock: password, code, session, at the first try.
    const ownerTime = afterAttack!.lockedUntil!;
    const owner = { clientAddress: "203.0.113.10", now: ownerTime };
    const opened = await checkLoginPassword(account, owner);
    expect(opened.status).toBe("password-verified");
    if (opened.status !== "password-verified") return;
    expect((await sendChallengeCode(opened.challengeToken, "login", "email", owner)).status).toBe("sent");
    const code = codeIn((await latestMessageTo(account.email!))?.textBody, /\b\d{6}\b/);
    const result = await verifyLoginCode({ challengeToken: opened.challengeToken, code }, owner);
    expect(result.status).toBe("verified");
  }, 300_000);
});
