import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { type Transaction, getDb } from "@/db/client";
import { type AccountKind, accounts, insuredPersons, professionals, spaces, unknownIdentifierLockouts } from "@/db/schema";
import { type ActivityAction, type ActivityTarget, recordAccountActivity } from "@/lib/activity/record";
import { notifyAccountHolder } from "@/lib/delivery";
import { accountLockedEmail, accountLockedSms } from "@/lib/delivery/templates/auth";
import type { RequestContext } from "@/lib/http/request-context";
import { consumeRateLimits } from "@/lib/rate-limit";
import { usualFirstName } from "@/lib/register/person-name";
import { hashCode } from "@/lib/security/secrets";
import { hashPassword, verifyPassword } from "./password-hash";
import {
  type RefusedCode,
  checkChallengeCode,
  completeChallenge,
  createChallenge,
  hasLiveCode,
  selectAccountForUpdate,
  lockLiveChallenge,
} from "./challenges";
import { CLEAR_LOCK_STATE, type LockState, failuresLeftBeforeLock, isLockedAt, stateAfterFailure } from "./lockout";
import { authRateLimit } from "./rules";
import { createSession } from "./sessions";

/**
 * Login in two steps (SPEC §4): identifier and password open a login attempt, then the one-time
 * code sent for that attempt opens a session. Every failure of either step counts towards the
 * account's lock; see docs/decisions/0004-sessions.md for why an unknown identifier is answered
 * exactly like a known one, lock included.
 */

export type PasswordStepResult =
  | { status: "password-verified"; challengeToken: string }
  | { status: "invalid-credentials"; failuresLeftBeforeLock: number }
  | { status: "locked"; lockedUntil: Date }
  | { status: "rate-limited"; retryAfterSeconds: number };

/** Identifiers are lower case (SPEC §3): "Camille.Martin " is the same identifier as "camille.martin". */
export function normalizeIdentifier(identifier: string): string {
  return identifier.trim().toLowerCase();
}

let dummyHash: Promise<string> | undefined;

/** A hash no password matches, checked for unknown identifiers so that they take as long as known ones. */
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString("base64url"));
  return dummyHash;
}

/**
 * The account behind an identifier on one login page, row-locked, with the first name its
 * messages greet: on /connexion a patient account whose space is active, on /pro/connexion a
 * professional account of the directory. An identifier of the other kind is unknown here.
 */
async function lockLoginAccountByIdentifier(tx: Transaction, identifier: string, kind: AccountKind) {
  if (kind === "professional") {
    const [row] = await tx
      .select({ account: accounts, firstName: professionals.firstName })
      .from(accounts)
      .innerJoin(professionals, eq(professionals.id, accounts.professionalId))
      .where(and(eq(accounts.identifier, identifier), eq(accounts.kind, "professional")))
      .for("update", { of: accounts })
      .limit(1);
    return row ?? null;
  }
  const [row] = await tx
    .select({ account: accounts, firstNames: insuredPersons.firstNames })
    .from(accounts)
    .innerJoin(spaces, and(eq(spaces.personId, accounts.personId), eq(spaces.status, "active")))
    .innerJoin(insuredPersons, eq(insuredPersons.id, accounts.personId))
    .where(and(eq(accounts.identifier, identifier), eq(accounts.kind, "patient")))
    .for("update", { of: accounts })
    .limit(1);
  return row ? { account: row.account, firstName: usualFirstName({ firstNames: row.firstNames }) } : null;
}

/** The first name the account's messages greet, for a failure on the code step. */
async function firstNameOfAccount(tx: Transaction, account: typeof accounts.$inferSelect): Promise<string> {
  if (account.professionalId) {
    const [row] = await tx.select({ firstName: professionals.firstName }).from(professionals).where(eq(professionals.id, account.professionalId)).limit(1);
    return row?.firstName ?? "";
  }
  if (!account.personId) return "";
  const [row] = await tx.select({ firstNames: insuredPersons.firstNames }).from(insuredPersons).where(eq(insuredPersons.id, account.personId)).limit(1);
  return usualFirstName({ firstNames: row?.firstNames ?? "" });
}

/** Which login page is asking: the patients' (/connexion) or the professionals' (/pro/connexion). */
export type LoginPortal = { kind: AccountKind };

const PATIENT_PORTAL: LoginPortal = { kind: "patient" };

function refusal(state: LockState & { hasJustLocked?: boolean }, now: Date): PasswordStepResult {
  if (isLockedAt(state, now)) return { status: "locked", lockedUntil: state.lockedUntil };
  return { status: "invalid-credentials", failuresLeftBeforeLock: failuresLeftBeforeLock(state) };
}

/** An identifier without an account: the same lock rules, kept under the identifier's keyed hash. */
async function refuseUnknownIdentifier(tx: Transaction, identifier: string, password: string, now: Date): Promise<PasswordStepResult> {
  const identifierHash = hashCode("login-identifier", identifier);
  await tx.insert(unknownIdentifierLockouts).values({ identifierHash }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(unknownIdentifierLockouts)
    .where(eq(unknownIdentifierLockouts.identifierHash, identifierHash))
    .for("update")
    .limit(1);
  if (!row) throw new Error("lockout row missing after upsert");
  if (isLockedAt(row, now)) return refusal(row, now);
  await verifyPassword(await getDummyHash(), password);
  const { consecutiveFailures, lockCount, lockedUntil, lastFailureAt } = stateAfterFailure(row, now);
  const next = { consecutiveFailures, lockCount, lockedUntil, lastFailureAt };
  await tx.update(unknownIdentifierLockouts).set(next).where(eq(unknownIdentifierLockouts.identifierHash, identifierHash));
  return refusal(next, now);
}

/**
 * Records one failure on a known account, in the caller's transaction, and its event in the
 * account holder's history (whoever typed it: a failure on an unknown identifier has no history
 * to go to). The failure that takes a lock also warns the owner on their contact on file (out of
 * band: the page itself says the same to known and unknown identifiers).
 */
async function recordAccountFailure(
  tx: Transaction,
  account: typeof accounts.$inferSelect,
  failure: { firstName: string; action: ActivityAction; target?: ActivityTarget },
  now: Date,
): Promise<LockState> {
  const { firstName } = failure;
  const { hasJustLocked, ...next } = stateAfterFailure(account, now);
  await tx.update(accounts).set(next).where(eq(accounts.id, account.id));
  await recordAccountActivity(tx, account, failure, now);
  if (hasJustLocked && next.lockedUntil) {
    const notice = { firstName, lockedUntil: next.lockedUntil };
    await notifyAccountHolder(tx, account, {
      template: "account-locked",
      email: accountLockedEmail(notice),
      sms: accountLockedSms(notice),
    });
  }
  return next;
}

/**
 * First step: "Identifiant" and "Mot de passe". A right password opens a login attempt whose
 * token goes in an HttpOnly cookie. While a lock lasts the password is not even checked, so the
 * lock cannot be used to test passwords either.
 */
export async function checkLoginPassword(
  { identifier: typedIdentifier, password }: { identifier: string; password: string },
  { clientAddress, now }: RequestContext,
  { kind }: LoginPortal = PATIENT_PORTAL,
): Promise<PasswordStepResult> {
  const db = getDb();
  const limit = await consumeRateLimits(db, [authRateLimit("passwordChecksPerAddress", clientAddress)], now);
  if (!limit.isAllowed) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  const identifier = normalizeIdentifier(typedIdentifier);

  // The row lock makes parallel guesses on one identifier wait for each other: none slips past the lock.
  return db.transaction(async (tx): Promise<PasswordStepResult> => {
    const found = await lockLoginAccountByIdentifier(tx, identifier, kind);
    if (!found) return refuseUnknownIdentifier(tx, identifier, password, now);
    const { account, firstName } = found;
    if (isLockedAt(account, now)) return refusal(account, now);
    // An account without a password (Pro Santé Connect only) is checked against the dummy hash:
    // refused, in the time a wrong password takes.
    if (!(await verifyPassword(account.passwordHash ?? (await getDummyHash()), password)) || account.passwordHash === null) {
      const failure = { firstName, action: "auth.password-refused" as const };
      return refusal(await recordAccountFailure(tx, account, failure, now), now);
    }
    const challengeToken = await createChallenge(tx, { accountId: account.id, purpose: "login", now });
    return { status: "password-verified", challengeToken };
  });
}

export type RefusedLoginCode = RefusedCode | { status: "locked"; lockedUntil: Date };

export type LoginCodeResult = { status: "verified"; sessionId: string; accountId: string } | RefusedLoginCode;

/**
 * Second step, called by the Auth.js credentials provider: the one-time code of this login
 * attempt. A right code opens the server-side session and clears the account's failures; a wrong
 * one counts towards the attempt's five tries and the account's lock. Per account, at most 100
 * codes a day are even compared.
 */
export async function verifyLoginCode(
  { challengeToken, code }: { challengeToken: string; code: string },
  { clientAddress, now, userAgent }: RequestContext & { userAgent?: string | null },
  { kind }: LoginPortal = PATIENT_PORTAL,
): Promise<LoginCodeResult> {
  const db = getDb();
  const limit = await consumeRateLimits(db, [authRateLimit("codeChecksPerAddress", clientAddress)], now);
  if (!limit.isAllowed) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };

  return db.transaction(async (tx): Promise<LoginCodeResult> => {
    const challenge = await lockLiveChallenge(tx, challengeToken, "login", now);
    if (!challenge) return { status: "attempt-expired" };
    if (!hasLiveCode(challenge, now)) return { status: "code-expired" };
    const account = await selectAccountForUpdate(tx, challenge.accountId);
    // An attempt opened on the other login page is no attempt here: its code opens nothing.
    if (!account || account.kind !== kind) return { status: "attempt-expired" };
    if (isLockedAt(account, now)) return { status: "locked", lockedUntil: account.lockedUntil };
    const daily = await consumeRateLimits(tx, [authRateLimit("codeChecksPerAccountDay", account.id)], now);
    if (!daily.isAllowed) return { status: "rate-limited", retryAfterSeconds: daily.retryAfterSeconds };

    const check = await checkChallengeCode(tx, challenge, code, now);
    if (check.status === "right") {
      await completeChallenge(tx, challenge.id, now);
      await tx.update(accounts).set(CLEAR_LOCK_STATE).where(eq(accounts.id, account.id));
      const sessionId = await createSession(tx, { accountId: account.id, userAgent, now });
      await recordAccountActivity(tx, account, { action: "auth.login-succeeded", target: { type: "session", id: sessionId } }, now);
      return { status: "verified", sessionId, accountId: account.id };
    }
    const failure = {
      firstName: await firstNameOfAccount(tx, account),
      action: "auth.code-refused" as const,
      target: { type: "auth_challenge" as const, id: challenge.id },
    };
    const state = await recordAccountFailure(tx, account, failure, now);
    if (isLockedAt(state, now)) {
      await completeChallenge(tx, challenge.id, now);
      return { status: "locked", lockedUntil: state.lockedUntil };
    }
    return check.status === "wrong" ? { status: "wrong-code", remainingAttempts: check.remainingAttempts } : { status: "attempt-expired" };
  });
}
