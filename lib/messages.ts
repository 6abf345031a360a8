/** French wording shared by every domain for outcomes that many forms meet. */

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  if (minutes >= 120) {
    const hours = Math.ceil(minutes / 60);
    return `Trop de tentatives. Par sécurité, réessayez dans ${hours} heures.`;
  }
  return `Trop de tentatives. Par sécurité, réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`;
}

export function wrongCodeMessage(remainingAttempts: number): string {
  return `Code incorrect. Il vous reste ${remainingAttempts} essai${remainingAttempts > 1 ? "s" : ""}.`;
}
