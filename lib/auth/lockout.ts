import { authRules, lockDurationMs } from "./rules";

/** The lock columns of an account, or of an unknown identifier: one set of rules serves both. */
export type LockState = { consecutiveFailures: number; lockCount: number; lockedUntil: Date | null; lastFailureAt: Date | null };

export function isLockedAt(state: Pick<LockState, "lockedUntil">, now: Date): state is { lockedUntil: Date } {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** Failures older than a month no longer count, nor the locks they took. */
function isForgotten(state: LockState, now: Date): boolean {
  return state.lastFailureAt !== null && now.getTime() - state.lastFailureAt.getTime() >= authRules.failureMemoryMs;
}

/**
 * One more failure. The tenth in a row takes a lock, longer than the previous one, and starts
 * the count again: once the lock has ended the owner gets in at the first right try.
 */
export function stateAfterFailure(state: LockState, now: Date): LockState & { hasJustLocked: boolean } {
  const previous = isForgotten(state, now) ? { consecutiveFailures: 0, lockCount: 0 } : state;
  const consecutiveFailures = previous.consecutiveFailures + 1;
  if (consecutiveFailures < authRules.failuresBeforeLock) {
    return { consecutiveFailures, lockCount: previous.lockCount, lockedUntil: state.lockedUntil, lastFailureAt: now, hasJustLocked: false };
  }
  return {
    consecutiveFailures: 0,
    lockCount: previous.lockCount + 1,
    lockedUntil: new Date(now.getTime() + lockDurationMs(previous.lockCount)),
    lastFailureAt: now,
    hasJustLocked: true,
  };
}

/** After a complete login (password and code): the account's slate is clean. */
export const CLEAR_LOCK_STATE: LockState = { consecutiveFailures: 0, lockCount: 0, lockedUntil: null, lastFailureAt: null };

export function failuresLeftBeforeLock(state: Pick<LockState, "consecutiveFailures">): number {
  return authRules.failuresBeforeLock - state.consecutiveFailures;
}
