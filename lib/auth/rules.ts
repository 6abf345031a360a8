/** Durations and limits of login, sessions and recovery, in one place (SPEC §4, DOMAIN "Security references"). */
export const authRules = {
  /** A session dies after this long without activity… */
  idleTimeoutMs: 15 * 60_000,
  /** …and this long after login, whatever the activity. */
  sessionLifetimeMs: 12 * 60 * 60_000,
  /** Activity moves `lastActiveAt` forward at most this often: one write a minute, not one per request. */
  activityTouchIntervalMs: 60_000,
  /** The idle warning shows this long before the idle timeout. */
  idleWarningMs: 2 * 60_000,
  /** A login attempt (password accepted, code pending) or a password reset lives this long. */
  challengeLifetimeMs: 30 * 60_000,
  /** A one-time code is valid this long (NIST SP 800-63B: at most 10 minutes). */
  codeLifetimeMs: 10 * 60_000,
  /** Wrong codes before a login attempt (or a reset) dies and the password must be typed again. */
  maxCodeAttemptsPerChallenge: 5,
  /** A second send on the same channel within this delay is the same click: nothing is sent twice. */
  duplicateSendWindowMs: 30_000,
  /** Consecutive failures (passwords or codes) that lock an account. */
  failuresBeforeLock: 10,
  /** Each lock lasts longer than the one before; the last duration repeats. */
  lockDurationsMs: [15 * 60_000, 60 * 60_000, 4 * 60 * 60_000, 12 * 60 * 60_000, 24 * 60 * 60_000],
  /** A run of failures, and the locks it took, are forgotten this long after the last failure. */
  failureMemoryMs: 30 * 86_400_000,
  limits: {
    passwordChecksPerAddress: { limit: 30, windowSeconds: 900 },
    codeChecksPerAddress: { limit: 30, windowSeconds: 900 },
    /** NIST SP 800-63B allows at most 100 failed checks per account; this bounds every check, per day. */
    codeChecksPerAccountDay: { limit: 100, windowSeconds: 86_400 },
    codeSendsPerAccount: { limit: 5, windowSeconds: 900 },
    codeSendsPerAccountDay: { limit: 20, windowSeconds: 86_400 },
    codeSendsPerAddress: { limit: 20, windowSeconds: 900 },
    /** Per NIR (patients) or RPPS (professionals), whether it exists or not. */
    recoveryPerIdentity: { limit: 5, windowSeconds: 3600 },
    recoveryPerAddress: { limit: 20, windowSeconds: 3600 },
  },
} as const;

export function authRateLimit(limit: keyof typeof authRules.limits, subject: string) {
  return { key: `auth:${limit}:${subject}`, ...authRules.limits[limit] };
}

/** How long the lock taken after `lockCount` earlier locks lasts. */
export function lockDurationMs(previousLocks: number): number {
  const durations = authRules.lockDurationsMs;
  return durations[Math.min(previousLocks, durations.length - 1)] as number;
}
