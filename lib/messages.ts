/** French wording shared by every domain for outcomes that many forms meet. */

/** A wait in French words, rounded up: "1 minute", "43 minutes", "3 heures". */
export function waitingTimeFr(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes >= 120) return `${Math.ceil(minutes / 60)} heures`;
  return `${minutes} minute${minutes > 1 ? "s" : ""}`;
}

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  return `Trop de tentatives. Par sécurité, réessayez dans ${waitingTimeFr(retryAfterSeconds)}.`;
}

export function wrongCodeMessage(remainingAttempts: number): string {
  return `Code incorrect. Il vous reste ${remainingAttempts} essai${remainingAttempts > 1 ? "s" : ""}.`;
}
