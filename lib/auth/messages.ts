export { tooManyAttemptsMessage, wrongCodeMessage } from "@/lib/messages";
import { formatDateTimeFr } from "@/lib/format";
import { authRules } from "./rules";

/** French wording of the login and recovery pages, for outcomes that several steps meet. */

export function invalidCredentialsMessage(failuresLeftBeforeLock: number): string {
  const base = "Identifiant ou mot de passe incorrect.";
  if (failuresLeftBeforeLock > 3) return base;
  return `${base} Attention : après ${failuresLeftBeforeLock} nouvel${failuresLeftBeforeLock > 1 ? "s" : ""} échec${
    failuresLeftBeforeLock > 1 ? "s" : ""
  }, la connexion sera bloquée temporairement.`;
}

export const expiredCodeMessage = "Ce code n'est plus valable (plus de 10 minutes, ou déjà utilisé) : demandez un nouveau code.";

export const expiredLoginAttemptMessage = `Votre tentative de connexion a expiré, ou a été interrompue après ${authRules.maxCodeAttemptsPerChallenge} codes incorrects. Saisissez de nouveau votre identifiant et votre mot de passe.`;

export const expiredResetMessage = `Votre demande a expiré, ou a été interrompue après ${authRules.maxCodeAttemptsPerChallenge} codes incorrects. Recommencez en saisissant vos informations.`;

export function lockedTitle(lockedUntil: Date): string {
  return `Connexion bloquée jusqu'au ${formatDateTimeFr(lockedUntil)}`;
}

export const LOCK_EXPLANATION = `Par sécurité, la connexion est bloquée temporairement après ${authRules.failuresBeforeLock} échecs consécutifs (mot de passe ou code de connexion incorrect). À partir de l'heure indiquée, vous pourrez vous connecter normalement avec votre identifiant et votre mot de passe.`;

export const LOCK_HELP =
  "« Mot de passe oublié ? » ne lève pas ce blocage. Si vous n'êtes pas à l'origine de ces tentatives, ou pour obtenir de l'aide, contactez le service Mon espace santé au 3422 (service gratuit + prix d'un appel).";
