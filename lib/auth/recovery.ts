import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { type AccountKind, accounts, insuredPersons, professionals, spaces } from "@/db/schema";
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
import { normalizeIdentifier } from "./login";
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
 * "Identifiant oublié ?" and "Mot de passe oublié ?", for both portals: the person proves who
 * they are (a patient with the NIR, birth date and Vitale serial of the insurer's register, a
 * professional with their identifier and RPPS number); whatever is sent goes only to the contact
 * on file of the account, never to the screen. The rules, limits, codes, messages and events are
 * the same for both: only how an account is found differs (RecoveryPortal), and an attempt begun
 * on one portal is no attempt on the other.
 */

type Account = typeof accounts.$inferSelect;

/** An account being recovered, with what its messages and password rules need of its holder. */
export type RecoveryHolder = { account: Account; firstName: string; personalNames: string[] };

/** What one portal's recovery changes: the proof it asks for and how it finds the account. */
export type RecoveryPortal<Proof> = {
  kind: AccountKind;
  /** Whose requests the hourly limit counts: the NIR, the RPPS, whether it exists or not. */
  limitSubject: (proof: Proof) => string;
  /** The account the proof designates, if all of it matches. */
  findByProof: (executor: Executor, proof: Proof) => Promise<RecoveryHolder | null>;
  /** The account of an attempt, if it is of this portal's kind. */
  findById: (executor: Executor, accountId: string) => Promise<RecoveryHolder | null>;
};

function patientHolder(account: Account, person: typeof insuredPersons.$inferSelect): RecoveryHolder {
  return { account, firstName: usualFirstName(person), personalNames: allNames(person) };
}

/** Patients: the account of the person whose NIR, birth date and Vitale serial all match, if their space is active. */
export const PATIENT_RECOVERY: RecoveryPortal<IdentityProof> = {
  kind: "patient",
  limitSubject: (identity) => `patient:${normalizeNir(identity.nir)}`,
  async findByProof(executor, identity) {
    const person = await findInsuredPersonByIdentity(executor, identity);
    if (!person) return null;
    const [row] = await executor
      .select({ account: accounts })
      .from(accounts)
      .innerJoin(spaces, and(eq(spaces.personId, accounts.personId), eq(spaces.status, "active")))
      .where(and(eq(accounts.personId, person.id), eq(accounts.kind, "patient")))
      .limit(1);
    return row ? patientHolder(row.account, person) : null;
  },
  async findById(executor, accountId) {
    const [row] = await executor
      .select({ account: accounts, person: insuredPersons })
      .from(accounts)
      .innerJoin(insuredPersons, eq(insuredPersons.id, accounts.personId))
      .where(and(eq(accounts.id, accountId), eq(accounts.kind, "patient")))
      .limit(1);
    return row ? patientHolder(row.account, row.person) : null;
  },
};

/** What a professional types to recover their password: the identifier and the RPPS of the same account. */
export type ProfessionalProof = { identifier?: string; rpps: string };

function professionalHolder(account: Account, professional: typeof professionals.$inferSelect): RecoveryHolder {
  return { account, firstName: professional.firstName, personalNames: [professional.firstName, professional.lastName] };
}

/**
 * Professionals: the account of the directory entry with this RPPS, and, for a password reset,
 * with this identifier too. The RPPS alone is public (the directory is), which is why the reset
 * also asks for the identifier; the identifier reminder asks only for the RPPS, its answer goes
 * to the contact on file. Only accounts with a password: one that only Pro Santé Connect opens
 * has nothing to recover here.
 */
export const PROFESSIONAL_RECOVERY: RecoveryPortal<ProfessionalProof> = {
  kind: "professional",
  limitSubject: (proof) => `professional:${proof.rpps}`,
  async findByProof(executor, { identifier, rpps }) {
    const [row] = await executor
      .select({ account: accounts, professional: professionals })
      .from(accounts)
      .innerJoin(professionals, eq(professionals.id, accounts.professionalId))
      .where(
        and(
          eq(professionals.rpps, rpps),
          eq(accounts.kind, "professional"),
          // An account Pro Santé Connect made has no password: recovery must not give it one.
          isNotNull(accounts.passwordHash),
          identifier === undefined ? undefined : eq(accounts.identifier, normalizeIdentifier(identifier)),
        ),
      )
      .limit(1);
    return row ? professionalHolder(row.account, row.professional) : null;
  },
  async findById(executor, accountId) {
    const [row] = await executor
      .select({ account: accounts, professional: professionals })
      .from(accounts)
      .innerJoin(professionals, eq(professionals.id, accounts.professionalId))
      .where(and(eq(accounts.id, accountId), eq(accounts.kind, "professional"), isNotNull(accounts.passwordHash)))
      .limit(1);
    return row ? professionalHolder(row.account, row.professional) : null;
  },
};

async function consumeRecoveryLimits<Proof>(portal: RecoveryPortal<Proof>, proof: Proof, { clientAddress, now }: RequestContext) {
  return consumeRateLimits(
    getDb(),
    [authRateLimit("recoveryPerIdentity", portal.limitSubject(proof)), authRateLimit("recoveryPerAddress", clientAddress)],
    now,
  );
}

export type IdentifierReminderResult = { status: "done" } | { status: "rate-limited"; retryAfterSeconds: number };

/**
 * Sends the identifier to the contact on file (e-mail, else SMS). The answer is the same whether
 * the details match an account or not; the caller delivers the queued message after answering,
 * so that the time taken does not tell either.
 */
export async function sendIdentifierReminder(identity: IdentityProof, context: RequestContext): Promise<IdentifierReminderResult>;
export async function sendIdentifierReminder<Proof>(proof: Proof, context: RequestContext, portal: RecoveryPortal<Proof>): Promise<IdentifierReminderResult>;
export async function sendIdentifierReminder<Proof>(
  proof: Proof,
  context: RequestContext,
  portal: RecoveryPortal<Proof> = PATIENT_RECOVERY as RecoveryPortal<Proof>,
): Promise<IdentifierReminderResult> {
  const limit = await consumeRecoveryLimits(portal, proof, context);
  if (!limit.isAllowed) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  const db = getDb();
  const found = await portal.findByProof(db, proof);
  if (found) {
    const { account, firstName } = found;
    await notifyAccountHolder(db, account, {
      template: "identifier-reminder",
      email: identifierReminderEmail({ firstName, identifier: account.identifier }),
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
export async function startPasswordReset(identity: IdentityProof, context: RequestContext): Promise<PasswordResetStartResult>;
export async function startPasswordReset<Proof>(proof: Proof, context: RequestContext, portal: RecoveryPortal<Proof>): Promise<PasswordResetStartResult>;
export async function startPasswordReset<Proof>(
  proof: Proof,
  context: RequestContext,
  portal: RecoveryPortal<Proof> = PATIENT_RECOVERY as RecoveryPortal<Proof>,
): Promise<PasswordResetStartResult> {
  const limit = await consumeRecoveryLimits(portal, proof, context);
  if (!limit.isAllowed) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  const db = getDb();
  const found = await portal.findByProof(db, proof);
  if (!found) return { status: "not-matched" };
  const challengeToken = await createChallenge(db, { accountId: found.account.id, purpose: "password-reset", now: context.now });
  return { status: "identified", challengeToken };
}

export type ResetCodeResult = { status: "verified" } | RefusedCode;

/** Second step: the code sent to the contact on file. Five wrong codes end the reset attempt. */
export async function verifyPasswordResetCode(
  { challengeToken, code }: { challengeToken: string | undefined; code: string },
  { clientAddress, now }: RequestContext,
  { kind }: Pick<RecoveryPortal<unknown>, "kind"> = PATIENT_RECOVERY,
): Promise<ResetCodeResult> {
  const db = getDb();
  const limit = await consumeRateLimits(db, [authRateLimit("codeChecksPerAddress", clientAddress)], now);
  if (!limit.isAllowed) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };

  return db.transaction(async (tx): Promise<ResetCodeResult> => {
    // An attempt begun on the other portal is no attempt here.
    const challenge = await lockLiveChallenge(tx, challengeToken, "password-reset", now, kind);
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
export async function isPasswordResetVerified(
  challengeToken: string | undefined,
  now: Date,
  { kind }: Pick<RecoveryPortal<unknown>, "kind"> = PATIENT_RECOVERY,
): Promise<boolean> {
  const challenge = await findLiveChallenge(getDb(), challengeToken, "password-reset", now, kind);
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
  portal: Pick<RecoveryPortal<unknown>, "kind" | "findById"> = PATIENT_RECOVERY,
): Promise<CompleteResetResult> {
  const db = getDb();
  const challenge = await findLiveChallenge(db, challengeToken, "password-reset", now, portal.kind);
  if (!challenge?.codeVerifiedAt) return { status: "attempt-expired" };
  const found = await portal.findById(db, challenge.accountId);
  if (!found) return { status: "attempt-expired" };
  const { account, firstName, personalNames } = found;
  const reasons = checkPassword(password, { identifier: account.identifier, personalNames });
  if (reasons.length > 0) return { status: "invalid", fieldErrors: { password: reasons } };

  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx): Promise<CompleteResetResult> => {
    const locked = await lockLiveChallenge(tx, challengeToken, "password-reset", now, portal.kind);
    if (!locked?.codeVerifiedAt) return { status: "attempt-expired" };
    await tx.update(accounts).set({ passwordHash, passwordChangedAt: now }).where(eq(accounts.id, locked.accountId));
    await revokeAllSessions(tx, locked.accountId, "password-change", now);
    await endOtherChallenges(tx, locked.accountId, locked.id, now);
    await completeChallenge(tx, locked.id, now);
    await recordAccountActivity(tx, account, { action: "auth.password-reset", target: { type: "auth_challenge", id: locked.id } }, now);
    await notifyAccountHolder(tx, account, {
      template: "password-changed",
      email: passwordChangedEmail({ firstName, changedAt: now }),
      sms: passwordChangedSms({ changedAt: now }),
    });
    return { status: "changed" };
  });
}
