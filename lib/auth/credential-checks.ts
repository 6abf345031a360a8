import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { PASSWORD_MAX_LENGTH, identifierRules, passwordRules, unmetRules } from "./credential-rules";
import { identifierLengthMessage, passwordTooLongMessage } from "./messages";

/** ≈ 49,000 passwords most seen in public breaches (zxcvbn-ts' common list, kept by that project). */
const commonPasswords = new Set((dictionary["passwords-common"] as string[]).map((word) => word.toLowerCase()));

function foldAccents(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * True for a listed password, and for a listed word dressed up to pass the composition rules
 * ("Azerty123!", "!Soleil2024"): the letters at its heart are what an attacker tries first.
 */
export function isCommonPassword(password: string): boolean {
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered)) return true;
  const core = lowered.replace(/^[^a-z]+/, "").replace(/[^a-z]+$/, "");
  return core.length > 0 && commonPasswords.has(core);
}

/** French message for the first broken identifier rule, or null when the identifier is acceptable. */
export function checkIdentifier(identifier: string, options: { nir: string }): string | null {
  if (identifier.length === 0) return "Saisissez un identifiant.";
  const [broken] = unmetRules(identifierRules, identifier);
  if (broken?.id === "length") return identifierLengthMessage;
  if (broken?.id === "characters") {
    if (identifier.includes("@")) return "L'identifiant ne peut pas être une adresse e-mail : le caractère @ n'est pas accepté.";
    return "L'identifiant ne peut contenir que des lettres minuscules sans accent, des chiffres, des points, des tirets et des tirets bas.";
  }
  if (identifier.replace(/[._-]/g, "") === options.nir.toLowerCase()) {
    return "L'identifiant ne peut pas être votre numéro de sécurité sociale.";
  }
  return null;
}

/** Every reason the password is refused, in French; empty when it is acceptable. */
export function checkPassword(
  password: string,
  options: { identifier: string; personalNames: string[] },
): string[] {
  if (password.length === 0) return ["Saisissez un mot de passe."];
  if (password.length > PASSWORD_MAX_LENGTH) return [passwordTooLongMessage];
  const reasons = unmetRules(passwordRules, password).map((rule) => `Règle non respectée : ${rule.label.toLowerCase()}.`);
  const folded = foldAccents(password);
  if (options.identifier.length > 0 && folded.includes(foldAccents(options.identifier))) {
    reasons.push("Le mot de passe ne doit pas contenir votre identifiant.");
  }
  const names = options.personalNames
    .flatMap((name) => foldAccents(name).split(/[\s'-]+/))
    .filter((part) => part.length >= 3);
  if (names.some((name) => folded.includes(name))) {
    reasons.push("Le mot de passe ne doit pas contenir votre nom ou votre prénom.");
  }
  if (isCommonPassword(password)) {
    reasons.push("Ce mot de passe est trop courant : il figure parmi les mots de passe les plus utilisés. Choisissez-en un autre.");
  }
  return reasons;
}
