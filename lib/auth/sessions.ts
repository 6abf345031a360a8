import "server-only";
import { and, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import {
  type AccountKind,
  type RepresentationBasis,
  accounts,
  insuredPersons,
  onboardingQuestionnaires,
  professionals,
  representations,
  sessions,
} from "@/db/schema";
import { isLiveRepresentation } from "@/lib/access/representations";
import { SYSTEM_ACTOR, recordAccountActivity, recordActivity } from "@/lib/activity/record";
import { isUuid } from "@/lib/validation";
import { authRules } from "./rules";

export type SessionRevocationReason = "logout" | "logout-everywhere" | "password-change" | "idle";

/** The space a request opens, through one live representation of the signed-in account. */
export type SessionSubject = {
  personId: string;
  representationId: string;
  basis: RepresentationBasis;
  person: Pick<typeof insuredPersons.$inferSelect, "firstNames" | "birthName" | "usageName">;
  /** The first-login questionnaire is done: the gate of every page of the frame reads it here. */
  hasCompletedQuestionnaire: boolean;
};

export type LiveSession = {
  sessionId: string;
  accountId: string;
  accountKind: AccountKind;
  lastActiveAt: Date;
  expiresAt: Date;
  /** The space chosen with "Changer de profil" while its representation is live, else the account's own. */
  subject: SessionSubject;
  /** Whether the account may open any space besides its own right now: only then is the list of spaces read. */
  mayOpenOtherSpaces: boolean;
};

/** A live session of a professional account (/pro): who acts, from the directory; no space is opened by it. */
export type LiveProfessionalSession = {
  sessionId: string;
  accountId: string;
  lastActiveAt: Date;
  expiresAt: Date;
  professional: Pick<
    typeof professionals.$inferSelect,
    "id" | "rpps" | "firstName" | "lastName" | "professionCode" | "specialty" | "isEmergencyMedicalService"
  >;
};

/** When a live session would end if nothing happened from now on: idle timeout or absolute end. */
export function sessionDeadline(session: Pick<LiveSession, "lastActiveAt" | "expiresAt">): Date {
  const idleEnd = session.lastActiveAt.getTime() + authRules.idleTimeoutMs;
  return new Date(Math.min(idleEnd, session.expiresAt.getTime()));
}

/**
 * How long the session has left if nothing happens, for the idle warning. A duration rather than
 * an instant: the browser's clock may be wrong.
 */
export type SessionTiming = { remainingMs: number; warningMs: number };

/** The timing of a live session at `now`; null once it has ended. */
export function sessionTimingOf(live: Pick<LiveSession, "lastActiveAt" | "expiresAt"> | null, now: Date): SessionTiming | null {
  if (!live) return null;
  return { remainingMs: sessionDeadline(live).getTime() - now.getTime(), warningMs: authRules.idleWarningMs };
}

/** Opens the server-side session of a login, in the caller's transaction. */
export async function createSession(
  executor: Executor,
  { accountId, userAgent, now }: { accountId: string; userAgent?: string | null; now: Date },
): Promise<string> {
  const [row] = await executor
    .insert(sessions)
    .values({
      accountId,
      createdAt: now,
      lastActiveAt: now,
      expiresAt: new Date(now.getTime() + authRules.sessionLifetimeMs),
      userAgent: userAgent?.slice(0, 500) ?? null,
    })
    .returning({ id: sessions.id });
  if (!row) throw new Error("session not created");
  return row.id;
}

async function findLiveSessionOfAnyKind(
  executor: Executor,
  sessionId: string | undefined,
  { now, touch }: { now: Date; touch: boolean },
): Promise<LiveSession | LiveProfessionalSession | null> {
  if (!sessionId || !isUuid(sessionId)) return null;
  const [row] = await executor
    .select({
      sessionId: sessions.id,
      accountId: accounts.id,
      accountKind: accounts.kind,
      accountPersonId: accounts.personId,
      lastActiveAt: sessions.lastActiveAt,
      expiresAt: sessions.expiresAt,
      representationId: representations.id,
      subjectPersonId: representations.subjectPersonId,
      basis: representations.basis,
      firstNames: insuredPersons.firstNames,
      birthName: insuredPersons.birthName,
      usageName: insuredPersons.usageName,
      questionnaireCompletedAt: onboardingQuestionnaires.completedAt,
      professionalId: professionals.id,
      professionalRpps: professionals.rpps,
      professionalFirstName: professionals.firstName,
      professionalLastName: professionals.lastName,
      professionCode: professionals.professionCode,
      professionalSpecialty: professionals.specialty,
      isEmergencyMedicalService: professionals.isEmergencyMedicalService,
      mayOpenOtherSpaces: sql<boolean>`exists (
        select 1 from ${representations} as "other"
        where "other"."actor_account_id" = ${sessions.accountId} and "other"."basis" <> 'self'
          and "other"."revoked_at" is null and "other"."valid_from" <= ${now.toISOString()}::timestamptz
          and ("other"."valid_until" is null or "other"."valid_until" > ${now.toISOString()}::timestamptz))`,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .leftJoin(
      representations,
      and(
        eq(representations.actorAccountId, sessions.accountId),
        or(eq(representations.subjectPersonId, sessions.currentSubjectPersonId), eq(representations.subjectPersonId, accounts.personId)),
        isLiveRepresentation(now),
      ),
    )
    .leftJoin(insuredPersons, eq(insuredPersons.id, representations.subjectPersonId))
    .leftJoin(onboardingQuestionnaires, eq(onboardingQuestionnaires.personId, representations.subjectPersonId))
    // A professional account's directory entry, by primary key: null for a patient account.
    .leftJoin(professionals, eq(professionals.id, accounts.professionalId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    // The chosen subject first (true sorts after false, hence desc), the account's own after it.
    .orderBy(desc(sql`${representations.subjectPersonId} = ${sessions.currentSubjectPersonId}`))
    .limit(1);
  if (!row) return null;
  if (now.getTime() - row.lastActiveAt.getTime() >= authRules.idleTimeoutMs) {
    await executor.transaction(async (tx) => {
      // Two requests may find it idle at once: the one that revoked it records it.
      if (!(await revokeSession(tx, sessionId, "idle", now))) return;
      if (!row.accountPersonId) {
        const account = { id: row.accountId, kind: row.accountKind, personId: null };
        await recordAccountActivity(tx, account, { action: "auth.session-expired", target: { type: "session", id: sessionId } }, now);
        return;
      }
      await recordActivity(tx, {
        subjectPersonId: row.accountPersonId,
        actor: SYSTEM_ACTOR,
        action: "auth.session-expired",
        target: { type: "session", id: sessionId },
        at: now,
      });
    });
    return null;
  }
  let lastActiveAt = row.lastActiveAt;
  const touchIfDue = async () => {
    if (touch && now.getTime() - lastActiveAt.getTime() >= authRules.activityTouchIntervalMs) {
      await executor
        .update(sessions)
        .set({ lastActiveAt: now })
        .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), lt(sessions.lastActiveAt, now)));
      lastActiveAt = now;
    }
  };
  if (row.accountKind === "professional") {
    const { professionalId, professionalRpps, professionalFirstName, professionalLastName, professionCode } = row;
    if (!professionalId || !professionalRpps || professionalFirstName === null || professionalLastName === null || !professionCode) return null;
    await touchIfDue();
    return {
      sessionId: row.sessionId,
      accountId: row.accountId,
      lastActiveAt,
      expiresAt: row.expiresAt,
      professional: {
        id: professionalId,
        rpps: professionalRpps,
        firstName: professionalFirstName,
        lastName: professionalLastName,
        professionCode,
        specialty: row.professionalSpecialty,
        isEmergencyMedicalService: row.isEmergencyMedicalService === true,
      },
    };
  }
  const { representationId, subjectPersonId, basis, firstNames, birthName, usageName } = row;
  if (!representationId || !subjectPersonId || !basis || firstNames === null || birthName === null) return null;
  await touchIfDue();
  return {
    sessionId: row.sessionId,
    accountId: row.accountId,
    accountKind: row.accountKind,
    lastActiveAt,
    expiresAt: row.expiresAt,
    subject: {
      personId: subjectPersonId,
      representationId,
      basis,
      person: { firstNames, birthName, usageName },
      hasCompletedQuestionnaire: row.questionnaireCompletedAt !== null,
    },
    mayOpenOtherSpaces: row.mayOpenOtherSpaces === true,
  };
}

function isProfessionalSession(live: LiveSession | LiveProfessionalSession): live is LiveProfessionalSession {
  return "professional" in live;
}

/**
 * The session behind an id if it is still good — not revoked, not past its 12 hours, not idle
 * for 15 minutes — with its account and the subject it opens, in ONE indexed query (session by
 * primary key ⨝ account by primary key ⨝ at most two representations by (actor, subject) ⨝ the
 * subject by primary key, with its questionnaire row by primary key). The subject is the one chosen with "Changer de profil" while that
 * representation is live, else the account's own space; with neither, there is no session.
 * The same statement says whether the account may open any other space (an EXISTS on the same
 * index) and whether the subject finished the first-login questionnaire, the two things every
 * page of the frame needs: knowing who is asking and what their frame shows is one round trip.
 * `touch` records activity, at most once a minute (authRules.activityTouchIntervalMs), so a
 * session writes at most once a minute however many requests it makes; an idle session found
 * on the way is revoked so that the history says why it ended. The same query finds a professional
 * account's session with its directory entry (LEFT JOIN by primary key): each of the two entry
 * points below answers only for its own kind, so that a patient's session never opens /pro and a
 * professional's never opens a patient's space.
 */
export async function findLiveSession(
  executor: Executor,
  sessionId: string | undefined,
  options: { now: Date; touch: boolean },
): Promise<LiveSession | null> {
  const live = await findLiveSessionOfAnyKind(executor, sessionId, options);
  return live && !isProfessionalSession(live) ? live : null;
}

/** The session of a professional account (/pro), by the same one query; a patient's session is none. */
export async function findLiveProfessionalSession(
  executor: Executor,
  sessionId: string | undefined,
  options: { now: Date; touch: boolean },
): Promise<LiveProfessionalSession | null> {
  const live = await findLiveSessionOfAnyKind(executor, sessionId, options);
  return live && isProfessionalSession(live) ? live : null;
}

/**
 * "Rester connecté": activity now, whatever the once-a-minute rule says, for a session of the
 * kind the caller's side opens (a patient's in the space, a professional's on /pro: without the
 * kind, /pro's warning found its own session "not live" and never extended it).
 */
export async function extendSession(
  executor: Executor,
  sessionId: string,
  now: Date,
  { kind = "patient" }: { kind?: "patient" | "professional" } = {},
): Promise<LiveSession | LiveProfessionalSession | null> {
  const options = { now, touch: false };
  const live = kind === "professional" ? await findLiveProfessionalSession(executor, sessionId, options) : await findLiveSession(executor, sessionId, options);
  if (!live) return null;
  await executor.update(sessions).set({ lastActiveAt: now }).where(eq(sessions.id, live.sessionId));
  return { ...live, lastActiveAt: now };
}

/** Ends one session; its account when it was still open, null otherwise. */
export async function revokeSession(
  executor: Executor,
  sessionId: string,
  reason: SessionRevocationReason,
  now: Date,
): Promise<{ accountId: string } | null> {
  if (!isUuid(sessionId)) return null;
  const [revoked] = await executor
    .update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .returning({ accountId: sessions.accountId });
  return revoked ?? null;
}

async function findAccount(executor: Executor, accountId: string) {
  const [account] = await executor
    .select({ id: accounts.id, kind: accounts.kind, personId: accounts.personId })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .limit(1);
  return account ?? null;
}

/** "Se déconnecter": ends this session, with its event in the account holder's history. */
export async function logOut(sessionId: string, now: Date): Promise<void> {
  await getDb().transaction(async (tx) => {
    const revoked = await revokeSession(tx, sessionId, "logout", now);
    const account = revoked ? await findAccount(tx, revoked.accountId) : null;
    if (account) await recordAccountActivity(tx, account, { action: "auth.logged-out", target: { type: "session", id: sessionId } }, now);
  });
}

/** "Se déconnecter de tous les appareils": ends every open session of the account, with its event. */
export async function logOutEverywhere(accountId: string, now: Date): Promise<number> {
  return getDb().transaction(async (tx) => {
    const count = await revokeAllSessions(tx, accountId, "logout-everywhere", now);
    const account = await findAccount(tx, accountId);
    if (account) await recordAccountActivity(tx, account, { action: "auth.sessions-revoked" }, now);
    return count;
  });
}

/** Ends every open session of an account at once: every device is signed out on its next request. */
export async function revokeAllSessions(executor: Executor, accountId: string, reason: SessionRevocationReason, now: Date): Promise<number> {
  const revoked = await executor
    .update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length;
}
