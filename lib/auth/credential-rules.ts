/**
 * The identifier and password rules of SPEC §3, shared by the server's validation and the
 * live checklist shown before typing. No server-only import: the browser runs these too.
 */
export type CredentialRule = { id: string; label: string; isMet: (value: string) => boolean };

export const IDENTIFIER_MIN_LENGTH = 8;
export const IDENTIFIER_MAX_LENGTH = 100;

export const identifierRules: CredentialRule[] = [
  {
    id: "length",
    label: `Entre ${IDENTIFIER_MIN_LENGTH} et ${IDENTIFIER_MAX_LENGTH} caractères`,
    isMet: (value) => value.length >= IDENTIFIER_MIN_LENGTH && value.length <= IDENTIFIER_MAX_LENGTH,
  },
  {
    id: "characters",
    label: "Uniquement des lettres minuscules sans accent, des chiffres, des points (.), des tirets (-) ou des tirets bas (_) : pas d'espace, de majuscule ni de @",
    isMet: (value) => value.length > 0 && /^[0-9a-z._-]+$/.test(value),
  },
];

export const PASSWORD_MIN_LENGTH = 8;
/** Long enough for any passphrase, short enough to bound the hashing work. */
export const PASSWORD_MAX_LENGTH = 128;


export const passwordRules: CredentialRule[] = [
  { id: "length", label: `Au moins ${PASSWORD_MIN_LENGTH} caractères`, isMet: (value) => value.length >= PASSWORD_MIN_LENGTH },
  { id: "upper", label: "Au moins 1 lettre majuscule", isMet: (value) => /\p{Lu}/u.test(value) },
  { id: "lower", label: "Au moins 1 lettre minuscule", isMet: (value) => /\p{Ll}/u.test(value) },
  { id: "digit", label: "Au moins 1 chiffre", isMet: (value) => /\d/.test(value) },
  {
    id: "special",
    label: "Au moins 1 caractère spécial (par exemple ! ? @ # $ % & * - _)",
    isMet: (value) => /[^\p{L}\p{N}\s]/u.test(value),
  },
];

export function unmetRules(rules: CredentialRule[], value: string): CredentialRule[] {
  return rules.filter((rule) => !rule.isMet(value));
}
