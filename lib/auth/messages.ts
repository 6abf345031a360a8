export { tooManyAttemptsMessage, wrongCodeMessage } from "@/lib/messages";
import { describeMinutes, formatDateTimeFr } from "@/lib/format";
import { IDENTIFIER_MAX_LENGTH, IDENTIFIER_MIN_LENGTH, PASSWORD_MAX_LENGTH } from "./credential-rules";
import { authRules } from "./rules";

/** French wording of the login and recovery pages, for outcomes that several steps meet. */

export function invalidCredentialsMessage(failuresLeftBeforeLock: number): string {
  const base = "Identifiant ou mot de passe incorrect.";
  if (failuresLeftBeforeLock > 3) return base;
  return `${base} Attention : après ${failuresLeftBeforeLock} nouvel${failuresLeftBeforeLock > 1 ? "s" : ""} échec${
    failuresLeftBeforeLock > 1 ? "s" : ""
  }, la connexion sera bloquée temporairement.`;
}

export const identifierLengthMessage = `L'identifiant doit contenir entre ${IDENTIFIER_MIN_LENGTH} et ${IDENTIFIER_MAX_LENGTH} caractères.`;

export const passwordTooLongMessage = `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`;

export const expiredCodeMessage = `Ce code n'est plus valable (plus de ${describeMinutes(authRules.codeLifetimeMs / 60_000)}, ou déjà utilisé) : demandez un nouveau code.`;

const idleTimeout = describeMinutes(authRules.idleTimeoutMs / 60_000);

/** On the login page, after the space sent the person back for inactivity. */
export const idleLogoutNotice = `Vous avez été déconnecté après ${idleTimeout} sans activité, pour protéger vos données. Connectez-vous de nouveau pour continuer.`;

/** In the warning shown before that happens. */
export const idleTimeoutExplanation = `Pour protéger vos données de santé, votre session se ferme après ${idleTimeout} sans activité.`;

export const expiredLoginAttemptMessage = `Votre tentative de connexion a expiré, ou a été interrompue après ${authRules.maxCodeAttemptsPerChallenge} codes incorrects. Saisissez de nouveau votre identifiant et votre mot de passe.`;

export const expiredResetMessage = `Votre demande a expiré, ou a été interrompue après ${authRules.maxCodeAttemptsPerChallenge} codes incorrects. Recommencez en saisissant vos informations.`;

export function lockedTitle(lockedUntil: Date): string {
  return `Connexion bloquée jusqu'au ${formatDateTimeFr(lockedUntil)}`;
}

export const LOCK_EXPLANATION = `Par sécurité, la connexion est bloquée temporairement après ${authRules.failuresBeforeLock} échecs consécutifs (mot de passe ou code de connexion incorrect). À partir de l'heure indiquée, vous pourrez vous connecter normalement avec votre identifiant et votre mot de passe.`;

export const LOCK_HELP =
  "« Mot de passe oublié ? » ne lève pas ce blocage. Si vous n'êtes pas à l'origine de ces tentatives, ou pour obtenir de l'aide, contactez le service Mon espace santé au 3422 (service gratuit + prix d'un appel).";

/** After "Mot de passe oublié ?", on either login page. */
export const passwordChangedNotice =
  "Votre mot de passe a été modifié et vous avez été déconnecté de tous vos appareils. Connectez-vous avec votre nouveau mot de passe.";
