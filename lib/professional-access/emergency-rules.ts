/**
 * The words and limits of "Accès en urgence", apart from its zod schema so that a client form
 * may share them without importing zod (its eval() probe breaks the CSP).
 */
export const EMERGENCY_REASON_MIN_LENGTH = 10;
export const EMERGENCY_REASON_MAX_LENGTH = 500;

export const EMERGENCY_REASON_MESSAGES = {
  required: "Saisissez le motif de l'accès en urgence.",
  tooShort: `Le motif doit compter au moins ${EMERGENCY_REASON_MIN_LENGTH} caractères.`,
  tooLong: `Le motif ne peut pas dépasser ${EMERGENCY_REASON_MAX_LENGTH} caractères.`,
} as const;

/**
 * How long an emergency access lasts: 12 hours, the length of a professional's session on `/pro`.
 * An emergency is one episode of care (a SAMU intervention, a stay in the emergency department):
 * long enough that the professional does not have to type a new reason in the middle of it, short
 * enough that it ends with the shift that opened it. The patient's switches are still checked at
 * every request, so turning one off ends it at once. See docs/decisions (emergency access).
 */
export const EMERGENCY_ACCESS_DURATION_MS = 12 * 60 * 60 * 1000;
