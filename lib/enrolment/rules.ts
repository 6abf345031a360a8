/** Durations and limits of enrolment, in one place (settings that vary per deployment live in lib/env.ts). */
export const enrolmentRules = {
  /** An enrolment flow (the browser's way from code to decision) lasts this long after its last step. */
  flowLifetimeMs: 30 * 60_000,
  /** Wrong entries of one provisional code before it dies and a new one is needed. */
  maxCodeAttempts: 5,
  /** A second request within this delay is the same request (double click, reload): nothing is sent twice. */
  duplicateRequestWindowMs: 60_000,
  contactCodeLifetimeMs: 15 * 60_000,
  limits: {
    identifyPerNir: { limit: 10, windowSeconds: 3600 },
    identifyPerAddress: { limit: 30, windowSeconds: 3600 },
    codeRequestsPerPersonHour: { limit: 5, windowSeconds: 3600 },
    codeRequestsPerPersonDay: { limit: 10, windowSeconds: 86_400 },
    codeRequestsPerAddress: { limit: 20, windowSeconds: 3600 },
    codeChecksPerAddress: { limit: 30, windowSeconds: 900 },
    contactCodesPerPerson: { limit: 5, windowSeconds: 3600 },
  },
} as const;

export function rateLimitKey(limit: keyof typeof enrolmentRules.limits, subject: string) {
  return { key: `enrolment:${limit}:${subject}`, ...enrolmentRules.limits[limit] };
}

/**
 * The limits on codes sent to one person. They keep anyone from flooding a person with codes;
 * once the person uses a code, the requests before it were theirs and are forgotten (verify-code.ts).
 */
export function codeRequestLimits(personId: string) {
  return [rateLimitKey("codeRequestsPerPersonHour", personId), rateLimitKey("codeRequestsPerPersonDay", personId)];
}
