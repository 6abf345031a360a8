import "server-only";
import { and, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { accounts, insuredPersons, spaces } from "@/db/schema";
import { recordAccountActivity } from "@/lib/activity/record";
import { notifyAccountHolder } from "@/lib/delivery";
import { identifierReminderEmail, identifierReminderSms, passwordChangedEmail, passwordChangedSms } from "@/lib/delivery/templates/auth";
import type { RequestContext } from "@/lib/http/request-context";
import { consumeRateLimits } from "@/lib/rate-limit";
import { normalizeNir } from "@/lib/register/nir";
import { allNames, usualFirstName } from "@/lib/register/person-name";
import type { IdentityProof } from "@/lib/register/identity";
import { findInsuredPersonByIdentity } from "@/lib/register/queries";
import type { FieldErrors } from "@/lib/form-state";
import { checkPassword } from "./credential-checks";
import { hashPassword } from "./password-hash";
import {
  type RefusedCode,
  checkChallengeCode,
  completeChallenge,
  createChallenge,
  endOtherChallenges,
  findLiveChallenge,
  hasLiveCode,
  lockLiveChallenge,
} from "./challenges";
import { authRateLimit } from "./rules";
import { revokeAllSessions } from "./sessions";

/**
 * "Identifiant oublié ?" and "Mot de passe oublié ?": the person proves who they are with the
 * NIR, birth date and Vitale serial of the insurer's register; whatever is sent goes only to the
 * contact on file of the account, never to the screen.
 */

/** The account of the person whose NIR, birth date and Vitale serial all match, if their space is active. */
async function findAccountByIdentity(executor: Executor, identity: IdentityProof) {
  const person = await findInsuredPersonByIdentity(executor, identity);
  if (!person) return null;
  const [row] = await executor
    .select({ account: accounts })
    .from(accounts)
    .innerJoin(spaces, and(eq(spaces.personId, accounts.personId), eq(spaces.status, "active")))
    .where(eq(accounts.personId, person.id))
    .limit(1);
  return row ? { account: row.account, person } : null;
}

async function consumeRecoveryLimits(nir: string, { clientAddress, now }: RequestContext) {
  return consumeRateLimits(
    getDb(),
    [authRateLimit("recoveryPerNir", normalizeNir(nir)), authRateLimit("recoveryPerAddress", clientAddress)],
    now,
  );
}

export type IdentifierReminderResult = { status: "done" } | { status: "rate-limited"; retryAfterSeconds: number };

/**
 * Sends the identifier to the contact on file (e-mail, else SMS). The answer is the same whether
 * the details match an account or not; the caller delivers the queued message after answering,
 * so that the time taken does not tell either.
 */
export async function sendIdentifierReminder(identity: IdentityProof, context: RequestContext): Promise<IdentifierReminderResult> {
  const limit = await consumeRecoveryLimits(identity.nir, context);
  if (!limit.isAllowed) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  const db = getDb();
  const found = await findAccountByIdentity(db, identity);
  if (found) {
    const { account, person } = found;
    await notifyAccountHolder(db, account, {
      template: "identifier-reminder",
      email: identifierReminderEmail({ firstName: usualFirstName(person), identifier: account.identifier }),
      sms: identifierReminderSms({ identifier: account.identifier }),
    });
  }
  return { status: "done" };
}

export type PasswordResetStartResult =
  | { status: "identified"; challengeToken: string }
  /** No active account for these details, without telling which detail differed. */
  | { status: "not-matched" }
  | { status: "rate-limited"; retryAfterSeconds: number };

/** "Mot de passe oublié ?", first step: the identity opens a reset attempt bound to this browser. */
export async function startPasswordReset(identity: IdentityProof, context: RequestContext): Promise<PasswordResetStartResult> {
  const limit = await consumeRecoveryLimits(identity.nir, context);
  if (!limit.isAllowed) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  const db = getDb();
  const found = await findAccountByIdentity(db, identity);
  if (!found) return { status: "not-matched" };
  const challengeToken = await createChallenge(db, { accountId: found.account.id, purpose: "password-reset", now: context.now });
  return { status: "identified", challengeToken };
}

export type ResetCodeResult = { status: "verified" } | RefusedCode;

/** Second step: the code sent to the contact on file. Five wrong codes end the reset attempt. */
export async function verifyPasswordResetCode(
  { challengeToken, code }: { challengeToken: string | undefined; code: string },
  { clientAddress, now }: RequestContext,
): Promise<ResetCodeResult> {
  const db = getDb();
  const limit = await consumeRateLimits(db, [authRateLimit("codeChecksPerAddress", clientAddress)], now);
  if (!limit.isAllowed) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };

  return db.transaction(async (tx): Promise<ResetCodeResult> => {
    const challenge = await lockLiveChallenge(tx, challengeToken, "password-reset", now);
    if (!challenge) return { status: "attempt-expired" };
    if (challenge.codeVerifiedAt) return { status: "verified" };
    if (!hasLiveCode(challenge, now)) return { status: "code-expired" };
    const daily = await consumeRateLimits(tx, [authRateLimit("codeChecksPerAccountDay", challenge.accountId)], now);
    if (!daily.isAllowed) return { status: "rate-limited", retryAfterSeconds: daily.retryAfterSeconds };
    const check = await checkChallengeCode(tx, challenge, code, now);
    if (check.status === "right") return { status: "verified" };
    return check.status === "wrong" ? { status: "wrong-code", remainingAttempts: check.remainingAttempts } : { status: "attempt-expired" };
  });
}

/** Whether this browser's reset attempt has passed the code step, so the new password can be chosen. */
export async function isPasswordResetVerified(challengeToken: string | undefined, now: Date): Promise<boolean> {
  const challenge = await findLiveChallenge(getDb(), challengeToken, "password-reset", now);
  return Boolean(challenge?.codeVerifiedAt);
}

export type CompleteResetResult =
  | { status: "changed" }
  | { status: "invalid"; fieldErrors: FieldErrors }
  | { status: "attempt-expired" };

/**
 * Last step: the new password, under the activation rules. Every session of the person is
 * revoked and every other login attempt ended; a notice goes to the contact on file. The lock,
 * if any, stays: a reset is not a way round it.
 */
export async function completePasswordReset(
  { challengeToken, password }: { challengeToken: string | undefined; password: string },
  { now }: Pick<RequestContext, "now">,
): Promise<CompleteResetResult> {
  const db = getDb();
  const challenge = await findLiveChallenge(db, challengeToken, "password-reset", now);
  if (!challenge?.codeVerifiedAt) return { status: "attempt-expired" };
  const [found] = await db
    .select({ account: accounts, person: insuredPersons })
    .from(accounts)
    .innerJoin(insuredPersons, eq(insuredPersons.id, accounts.personId))
    .where(eq(accounts.id, challenge.accountId))
    .limit(1);
  if (!found) return { status: "attempt-expired" };
  const { account, person } = found;
  const reasons = checkPassword(password, { identifier: account.identifier, personalNames: allNames(person) });
  if (reasons.length > 0) return { status: "invalid", fieldErrors: { password: reasons } };

  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx): Promise<CompleteResetResult> => {
    const locked = await lockLiveChallenge(tx, challengeToken, "password-reset", now);
    if (!locked?.codeVerifiedAt) return { status: "attempt-expired" };
    await tx.update(accounts).set({ passwordHash, passwordChangedAt: now }).where(eq(accounts.id, locked.accountId));
    await revokeAllSessions(tx, locked.accountId, "password-change", now);
    await endOtherChallenges(tx, locked.accountId, locked.id, now);
    await completeChallenge(tx, locked.id, now);
    await recordAccountActivity(tx, account, { action: "auth.password-reset", target: { type: "auth_challenge", id: locked.id } }, now);
    await notifyAccountHolder(tx, account, {
      template: "password-changed",
      email: passwordChangedEmail({ firstName: usualFirstName(person), changedAt: now }),
      sms: passwordChangedSms({ changedAt: now }),
    });
    return { status: "changed" };
  });
}
