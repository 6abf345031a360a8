import "server-only";
import { and, eq, gt, inArray, isNull, lt, ne } from "drizzle-orm";
import { type Executor, type Transaction, getDb } from "@/db/client";
import { type AccountKind, accounts, authChallenges } from "@/db/schema";
import { recordAccountActivity } from "@/lib/activity/record";
import { queueEmail, queueSms } from "@/lib/delivery";
import { loginCodeEmail, loginCodeSms, passwordResetCodeEmail, passwordResetCodeSms } from "@/lib/delivery/templates/auth";
import { maskEmail, maskMobile } from "@/lib/format";
import type { RequestContext } from "@/lib/http/request-context";
import { consumeRateLimits } from "@/lib/rate-limit";
import { createOpaqueToken, hashCode, hashToken, isSameHash } from "@/lib/security/secrets";
import { countWrongCode } from "@/lib/security/wrong-codes";
import { isLockedAt } from "./lockout";
import { generateOneTimeCode, normalizeOneTimeCode } from "./one-time-code";
import { authRateLimit, authRules } from "./rules";

/**
 * Login attempts and password resets: a row bound to one browser by a random token (only its
 * hash is stored, the token lives in an HttpOnly cookie), holding the hash of the one-time code
 * sent for it. A code opens only the attempt it was sent for, once, within ten minutes, and five
 * wrong codes end the attempt.
 */

export type ChallengePurpose = (typeof authChallenges.purpose.enumValues)[number];
export type OneTimeCodeChannel = "email" | "sms";
export type AuthChallenge = typeof authChallenges.$inferSelect;

export async function createChallenge(
  executor: Executor,
  { accountId, purpose, now }: { accountId: string; purpose: ChallengePurpose; now: Date },
): Promise<string> {
  const token = createOpaqueToken();
  await executor.insert(authChallenges).values({
    tokenHash: hashToken(token),
    accountId,
    purpose,
    firstFactorAt: now,
    expiresAt: new Date(now.getTime() + authRules.challengeLifetimeMs),
    createdAt: now,
  });
  return token;
}

/**
 * `kind`, when given, is the portal asking: an attempt of an account of the other kind (a
 * patient's reset cookie brought to /pro, or the reverse) is no live attempt there.
 */
function isLive(executor: Executor, token: string, purpose: ChallengePurpose, now: Date, kind: AccountKind | undefined) {
  return and(
    eq(authChallenges.tokenHash, hashToken(token)),
    eq(authChallenges.purpose, purpose),
    gt(authChallenges.expiresAt, now),
    isNull(authChallenges.completedAt),
    lt(authChallenges.failedCodeAttempts, authRules.maxCodeAttemptsPerChallenge),
    kind ? inArray(authChallenges.accountId, executor.select({ id: accounts.id }).from(accounts).where(eq(accounts.kind, kind))) : undefined,
  );
}

/** The live attempt behind a cookie token: not expired, not finished, fewer than five wrong codes. */
export async function findLiveChallenge(
  executor: Executor,
  token: string | undefined,
  purpose: ChallengePurpose,
  now: Date,
  kind?: AccountKind,
): Promise<AuthChallenge | null> {
  if (!token) return null;
  const [challenge] = await executor.select().from(authChallenges).where(isLive(executor, token, purpose, now, kind)).limit(1);
  return challenge ?? null;
}

/** Same, locked for the rest of the transaction: two submits of one code are checked one after the other. */
export async function lockLiveChallenge(
  executor: Executor,
  token: string | undefined,
  purpose: ChallengePurpose,
  now: Date,
  kind?: AccountKind,
): Promise<AuthChallenge | null> {
  if (!token) return null;
  const [challenge] = await executor.select().from(authChallenges).where(isLive(executor, token, purpose, now, kind)).for("update").limit(1);
  return challenge ?? null;
}

export async function completeChallenge(executor: Executor, challengeId: string, now: Date): Promise<void> {
  await executor.update(authChallenges).set({ completedAt: now, codeHash: null }).where(eq(authChallenges.id, challengeId));
}

/** Ends an account's other attempts in progress, e.g. logins begun with a password that just changed. */
export async function endOtherChallenges(executor: Executor, accountId: string, keptId: string, now: Date): Promise<void> {
  await executor
    .update(authChallenges)
    .set({ completedAt: now, codeHash: null })
    .where(and(eq(authChallenges.accountId, accountId), ne(authChallenges.id, keptId), isNull(authChallenges.completedAt)));
}

/** The account, row-locked for the rest of the transaction: its lockout state is read, then written. */
export async function selectAccountForUpdate(executor: Executor, accountId: string) {
  const [account] = await executor.select().from(accounts).where(eq(accounts.id, accountId)).for("update").limit(1);
  return account ?? null;
}

/** Where a code can go, masked as the page shows it, and what was last sent. */
export type ChallengeContacts = {
  email: string | null;
  mobile: string | null;
  sentCode: { channel: OneTimeCodeChannel; destination: string; validUntil: Date } | null;
};

function destinationOf(account: { email: string | null; mobile: string | null }, channel: OneTimeCodeChannel): string | null {
  if (channel === "email") return account.email ? maskEmail(account.email) : null;
  return account.mobile ? maskMobile(account.mobile) : null;
}

/** The contacts on file of the attempt's account, for "Par e-mail" / "Par SMS"; null without a live attempt. */
export async function findChallengeContacts(
  token: string | undefined,
  purpose: ChallengePurpose,
  now: Date,
  kind?: AccountKind,
): Promise<ChallengeContacts | null> {
  const db = getDb();
  const challenge = await findLiveChallenge(db, token, purpose, now, kind);
  if (!challenge) return null;
  const [account] = await db
    .select({ email: accounts.email, mobile: accounts.mobile })
    .from(accounts)
    .where(eq(accounts.id, challenge.accountId))
    .limit(1);
  if (!account) return null;
  const { channel, codeHash, codeExpiresAt } = challenge;
  const hasLiveCode = channel !== null && codeHash !== null && codeExpiresAt !== null && codeExpiresAt > now;
  const destination = channel ? destinationOf(account, channel) : null;
  return {
    email: destinationOf(account, "email"),
    mobile: destinationOf(account, "sms"),
    sentCode: hasLiveCode && channel && destination ? { channel, destination, validUntil: codeExpiresAt } : null,
  };
}

export type SendChallengeCodeResult =
  /** `isNew` is false when a second click got the code just sent rather than a new one. */
  | { status: "sent"; channel: OneTimeCodeChannel; destination: string; validUntil: Date; isNew: boolean }
  | { status: "attempt-expired" }
  | { status: "channel-unavailable" }
  | { status: "locked"; lockedUntil: Date }
  | { status: "rate-limited"; retryAfterSeconds: number };

function hashChallengeCode(challenge: Pick<AuthChallenge, "id" | "purpose">, code: string): string {
  return hashCode(`${challenge.purpose}-code`, `${challenge.id}:${code}`);
}

async function queueCode(
  tx: Transaction,
  { purpose, personId, to, channel, code, validUntil }: { purpose: ChallengePurpose; personId: string | undefined; to: string; channel: OneTimeCodeChannel; code: string; validUntil: Date },
): Promise<void> {
  const template = purpose === "login" ? "login-code" : "password-reset-code";
  if (channel === "email") {
    const content = purpose === "login" ? loginCodeEmail({ code, validUntil }) : passwordResetCodeEmail({ code, validUntil });
    await queueEmail(tx, { personId, to, template, ...content });
  } else {
    const content = purpose === "login" ? loginCodeSms({ code, validUntil }) : passwordResetCodeSms({ code, validUntil });
    await queueSms(tx, { personId, to, template, ...content });
  }
}

/**
 * Sends a one-time code for the attempt to the account's contact on file ("Par e-mail" or
 * "Par SMS"); "Renvoyer un code" calls it again and the new code replaces the previous one. The
 * caller delivers the queued message once this has returned.
 */
export async function sendChallengeCode(
  token: string | undefined,
  purpose: ChallengePurpose,
  channel: OneTimeCodeChannel,
  { clientAddress, now }: RequestContext,
  kind?: AccountKind,
): Promise<SendChallengeCodeResult> {
  const db = getDb();
  const challenge = await findLiveChallenge(db, token, purpose, now, kind);
  if (!challenge) return { status: "attempt-expired" };
  const limit = await consumeRateLimits(
    db,
    [
      authRateLimit("codeSendsPerAccount", challenge.accountId),
      authRateLimit("codeSendsPerAccountDay", challenge.accountId),
      authRateLimit("codeSendsPerAddress", clientAddress),
    ],
    now,
  );
  if (!limit.isAllowed) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };

  return db.transaction(async (tx): Promise<SendChallengeCodeResult> => {
    const locked = await lockLiveChallenge(tx, token, purpose, now, kind);
    if (!locked) return { status: "attempt-expired" };
    const account = await selectAccountForUpdate(tx, locked.accountId);
    if (!account) return { status: "attempt-expired" };
    if (purpose === "login" && isLockedAt(account, now)) return { status: "locked", lockedUntil: account.lockedUntil as Date };
    const to = channel === "email" ? account.email : account.mobile;
    const destination = destinationOf(account, channel);
    if (!to || !destination) return { status: "channel-unavailable" };

    // A double click sends one code: the second click answers with the code just sent.
    const isDuplicate =
      locked.channel === channel &&
      locked.codeHash !== null &&
      locked.codeSentAt !== null &&
      locked.codeExpiresAt !== null &&
      now.getTime() - locked.codeSentAt.getTime() < authRules.duplicateSendWindowMs;
    if (isDuplicate && locked.codeExpiresAt) {
      return { status: "sent", channel, destination, validUntil: locked.codeExpiresAt, isNew: false };
    }

    const code = generateOneTimeCode();
    const validUntil = new Date(Math.min(now.getTime() + authRules.codeLifetimeMs, locked.expiresAt.getTime()));
    await tx
      .update(authChallenges)
      .set({ channel, codeHash: hashChallengeCode(locked, code), codeSentAt: now, codeExpiresAt: validUntil })
      .where(eq(authChallenges.id, locked.id));
    await queueCode(tx, { purpose, personId: account.personId ?? undefined, to, channel, code, validUntil });
    const action = purpose === "login" ? "auth.login-code-sent" : "auth.reset-code-sent";
    await recordAccountActivity(tx, account, { action, target: { type: "auth_challenge", id: locked.id } }, now);
    return { status: "sent", channel, destination, validUntil, isNew: true };
  });
}

/** Why a typed code did not pass, for both login and password reset. */
export type RefusedCode =
  | { status: "wrong-code"; remainingAttempts: number }
  /** No live code for this attempt: never sent, past its ten minutes, or already used. A new one can be sent. */
  | { status: "code-expired" }
  /** The attempt is over (unknown, past its 30 minutes, finished, or five wrong codes): start again. */
  | { status: "attempt-expired" }
  | { status: "rate-limited"; retryAfterSeconds: number };

export type CodeCheck = { status: "right" } | { status: "wrong"; remainingAttempts: number } | { status: "exhausted" };

/** Whether the attempt's code is live at `now`: sent, not yet used, not past its ten minutes. */
export function hasLiveCode(challenge: AuthChallenge, now: Date): boolean {
  return challenge.codeHash !== null && challenge.codeExpiresAt !== null && challenge.codeExpiresAt > now;
}

/**
 * Compares a typed code with the attempt's (locked) live code. A right code is used up at once;
 * a wrong one counts, and the fifth ends the attempt.
 */
export async function checkChallengeCode(tx: Transaction, challenge: AuthChallenge, typed: string, now: Date): Promise<CodeCheck> {
  const code = normalizeOneTimeCode(typed);
  const isRight = code !== null && challenge.codeHash !== null && isSameHash(challenge.codeHash, hashChallengeCode(challenge, code));
  if (isRight) {
    await tx.update(authChallenges).set({ codeVerifiedAt: now, codeHash: null }).where(eq(authChallenges.id, challenge.id));
    return { status: "right" };
  }
  const { failedAttempts, remainingAttempts, isExhausted } = countWrongCode(challenge.failedCodeAttempts, authRules.maxCodeAttemptsPerChallenge);
  await tx.update(authChallenges).set({ failedCodeAttempts: failedAttempts }).where(eq(authChallenges.id, challenge.id));
  return isExhausted ? { status: "exhausted" } : { status: "wrong", remainingAttempts };
}
