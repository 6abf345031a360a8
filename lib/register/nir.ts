/**
 * NIR (numéro d'inscription au répertoire, "numéro de sécurité sociale"): 13 characters and a
 * 2-digit key. Stored normalised: no separators, upper case, 2A/2B kept as letters.
 */

export const NIR_LENGTH = 15;

const SEPARATORS = /[\s.-]/g;
/** Department part: two digits, or 2A / 2B for Corsica. */
const BODY_PATTERN = /^\d{5}(?:\d{2}|2[AB])\d{6}$/;
const STRUCTURE_PATTERN = /^([12])(\d{2})(\d{2})(\d{2}|2[AB])(\d{3})(\d{3})(\d{2})$/;

/** Removes spaces, dots and dashes, and upper-cases 2a/2b. */
export function normalizeNir(input: string): string {
  return input.replace(SEPARATORS, "").toUpperCase();
}

/**
 * The control key of a 13-character body: 97 − (N mod 97), with 2A read as 19 and 2B as 18.
 * Null when the body is not 13 digits (2A/2B allowed in the department).
 */
export function computeNirKey(body13: string): string | null {
  if (!BODY_PATTERN.test(body13)) return null;
  const numeric = body13.slice(0, 5) + body13.slice(5, 7).replace("2A", "19").replace("2B", "18") + body13.slice(7);
  const key = 97n - (BigInt(numeric) % 97n);
  return key.toString().padStart(2, "0");
}

/**
 * Why a normalised NIR is refused, in French for the person who reads it (e.g. "clé de contrôle
 * incorrecte"), or null when it is valid. The month may be 20–99 when the birth month is
 * unknown (INSEE rule).
 */
export function describeNirProblem(nir: string): string | null {
  if (nir.length !== NIR_LENGTH) {
    return `${NIR_LENGTH} caractères attendus, ${nir.length} reçus`;
  }
  const match = STRUCTURE_PATTERN.exec(nir);
  if (!match) {
    // The pattern's only constraint beyond the alphabet is the sex digit.
    if (/^\d{5}(?:\d{2}|2[AB])\d{8}$/.test(nir)) return "le premier chiffre doit être 1 ou 2";
    return "caractère non autorisé";
  }
  const month = Number(match[3]);
  if (month === 0 || (month > 12 && month < 20)) return "mois de naissance incorrect";
  if (computeNirKey(nir.slice(0, 13)) !== nir.slice(13)) return "clé de contrôle incorrecte";
  return null;
}

/** Checks a normalised NIR (see `normalizeNir`): structure and control key. */
export function isValidNir(nir: string): boolean {
  return describeNirProblem(nir) === null;
}

const DISPLAY_GROUPS = [1, 2, 2, 2, 3, 3, 2];

function splitForDisplay(nir: string): string[] {
  const groups: string[] = [];
  let start = 0;
  for (const size of DISPLAY_GROUPS) {
    const group = nir.slice(start, start + size);
    if (group) groups.push(group);
    start += size;
  }
  return groups;
}

/** "284058832102532" → "2 84 05 88 321 025 32". */
export function formatNir(nir: string): string {
  return splitForDisplay(normalizeNir(nir)).join(" ");
}

/** Keeps sex, year and key, enough to tell people apart in a list: "2 84 ** ** *** *** 32". */
export function maskNir(nir: string): string {
  return splitForDisplay(normalizeNir(nir))
    .map((group, index) => (index === 0 || index === 1 || index === DISPLAY_GROUPS.length - 1 ? group : "*".repeat(group.length)))
    .join(" ");
}

/** The patient's secure-messaging address (MSSanté): the 15-character matricule, 2A/2B included. */
export function messagingAddress(nir: string): string {
  return `${normalizeNir(nir)}@patient.mssante.fr`;
}
