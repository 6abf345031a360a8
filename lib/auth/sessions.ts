import "server-only";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accounts, insuredPersons, sessions } from "@/db/schema";
import { authRules } from "./rules";

export type SessionRevocationReason = "logout" | "logout-everywhere" | "password-change" | "idle";

export type LiveSession = {
  sessionId: string;
  personId: string;
  person: Pick<typeof insuredPersons.$inferSelect, "firstNames" | "birthName" | "usageName">;
  lastActiveAt: Date;
  expiresAt: Date;
};

/** When a live session would end if nothing happened from now on: idle timeout or absolute end. */
export function sessionDeadline(session: Pick<LiveSession, "lastActiveAt" | "expiresAt">): Date {
  const idleEnd = session.lastActiveAt.getTime() + authRules.idleTimeoutMs;
  return new Date(Math.min(idleEnd, session.expiresAt.getTime()));
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opens the server-side session of a login, in the caller's transaction. */
export async function createSession(
  executor: Executor,
  { personId, userAgent, now }: { personId: string; userAgent?: string | null; now: Date },
): Promise<string> {
  const [row] = await executor
    .insert(sessions)
    .values({
      personId,
      createdAt: now,
      lastActiveAt: now,
      expiresAt: new Date(now.getTime() + authRules.sessionLifetimeMs),
      userAgent: userAgent?.slice(0, 500) ?? null,
    })
    .returning({ id: sessions.id });
  if (!row) throw new Error("session not created");
  return row.id;
}

/**
 * The session behind an id if it is still good: not revoked, not past its 12 hours, not idle
 * for 15 minutes, its account still there. `touch` records activity (at most once a minute);
 * an idle session found on the way is revoked so that the history says why it ended.
 */
export async function findLiveSession(
  executor: Executor,
  sessionId: string | undefined,
  { now, touch }: { now: Date; touch: boolean },
): Promise<LiveSession | null> {
  if (!sessionId || !UUID_PATTERN.test(sessionId)) return null;
  const [row] = await executor
    .select({
      sessionId: sessions.id,
      personId: sessions.personId,
      lastActiveAt: sessions.lastActiveAt,
      expiresAt: sessions.expiresAt,
      firstNames: insuredPersons.firstNames,
      birthName: insuredPersons.birthName,
      usageName: insuredPersons.usageName,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.personId, sessions.personId))
    .innerJoin(insuredPersons, eq(insuredPersons.id, sessions.personId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!row) return null;
  if (now.getTime() - row.lastActiveAt.getTime() >= authRules.idleTimeoutMs) {
    await revokeSession(executor, sessionId, "idle", now);
    return null;
  }
  let lastActiveAt = row.lastActiveAt;
  if (touch && now.getTime() - lastActiveAt.getTime() >= authRules.activityTouchIntervalMs) {
    await executor
      .update(sessions)
      .set({ lastActiveAt: now })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), lt(sessions.lastActiveAt, now)));
    lastActiveAt = now;
  }
  const { firstNames, birthName, usageName, ...session } = row;
  return { ...session, lastActiveAt, person: { firstNames, birthName, usageName } };
}

/** "Rester connecté": activity now, whatever the once-a-minute rule says. */
export async function extendSession(executor: Executor, sessionId: string, now: Date): Promise<LiveSession | null> {
  const live = await findLiveSession(executor, sessionId, { now, touch: false });
  if (!live) return null;
  await executor.update(sessions).set({ lastActiveAt: now }).where(eq(sessions.id, live.sessionId));
  return { ...live, lastActiveAt: now };
}

export async function revokeSession(executor: Executor, sessionId: string, reason: SessionRevocationReason, now: Date): Promise<void> {
  if (!UUID_PATTERN.test(sessionId)) return;
  await executor
    .update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Ends every open session of a person at once: every device is signed out on its next request. */
export async function revokeAllSessions(executor: Executor, personId: string, reason: SessionRevocationReason, now: Date): Promise<number> {
  const revoked = await executor
    .update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(sessions.personId, personId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length;
}
