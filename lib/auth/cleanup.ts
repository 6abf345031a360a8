import "server-only";
import { and, isNull, lt, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { authChallenges, sessions, unknownIdentifierLockouts } from "@/db/schema";
import { authRules } from "./rules";

/** What the jobs command clears: rows past any use, which would otherwise grow without bound. */
export type AuthCleanupReport = { challenges: number; lockouts: number; sessions: number };

/** Sessions are kept this long after they end, for "who was signed in when" questions. */
const ENDED_SESSION_RETENTION_MS = 90 * 86_400_000;

/**
 * Deletes login attempts and resets a day after they ended, unknown-identifier lockouts whose
 * failures are forgotten anyway (an account forgets them after the same delay, so deleting the
 * row changes no answer), and sessions ended 90 days ago.
 */
export async function deleteStaleAuthRows(executor: Executor, now: Date): Promise<AuthCleanupReport> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const forgottenBefore = new Date(now.getTime() - authRules.failureMemoryMs);
  const challenges = await executor
    .delete(authChallenges)
    .where(lt(authChallenges.expiresAt, dayAgo))
    .returning({ id: authChallenges.id });
  const lockouts = await executor
    .delete(unknownIdentifierLockouts)
    .where(
      and(
        or(isNull(unknownIdentifierLockouts.lastFailureAt), lt(unknownIdentifierLockouts.lastFailureAt, forgottenBefore)),
        or(isNull(unknownIdentifierLockouts.lockedUntil), lt(unknownIdentifierLockouts.lockedUntil, now)),
      ),
    )
    .returning({ identifierHash: unknownIdentifierLockouts.identifierHash });
  const retentionLimit = new Date(now.getTime() - ENDED_SESSION_RETENTION_MS);
  const ended = await executor
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, retentionLimit), lt(sessions.revokedAt, retentionLimit)))
    .returning({ id: sessions.id });
  return { challenges: challenges.length, lockouts: lockouts.length, sessions: ended.length };
}
