/**
 * Numéro RPPS (Répertoire partagé des professionnels de santé): 11 digits, the last a Luhn check
 * digit over the first ten. No database here: the import, the seed and Pro Santé Connect's claim
 * mapping all check with it.
 */
export const RPPS_LENGTH = 11;

/** The Luhn digit that completes `body` (digits only). */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let index = 0; index < body.length; index++) {
    // From the right, every other digit of the body is doubled: the check digit will sit to its right.
    const digit = Number(body[body.length - 1 - index]);
    const doubled = index % 2 === 0 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Spaces people type between groups of digits go. */
export function normalizeRpps(value: string): string {
  return value.replace(/\s/g, "");
}

/** Why a (normalised) RPPS is not one, in French, or null when it is. */
export function describeRppsProblem(rpps: string): string | null {
  if (!/^\d+$/.test(rpps)) return "chiffres uniquement";
  if (rpps.length !== RPPS_LENGTH) return `${RPPS_LENGTH} chiffres attendus, ${rpps.length} trouvé${rpps.length > 1 ? "s" : ""}`;
  if (luhnCheckDigit(rpps.slice(0, -1)) !== rpps.slice(-1)) return "chiffre de contrôle incorrect";
  return null;
}

export function isValidRpps(rpps: string): boolean {
  return describeRppsProblem(rpps) === null;
}
