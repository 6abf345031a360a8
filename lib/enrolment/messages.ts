import { describeMinutes } from "@/lib/format";
import { waitingTimeFr } from "@/lib/messages";
import { enrolmentRules } from "./rules";

export { tooManyAttemptsMessage, wrongCodeMessage } from "@/lib/messages";

/** French wording shared by the enrolment pages. */
export const expiredFlowMessage =
  "Votre démarche a expiré ou n'a pas été trouvée. Recommencez en saisissant votre code provisoire, ou générez-en un nouveau.";

/** A provisional code that cannot be used any more, without telling whether the identity matched. */
export const noLiveProvisionalCodeMessage = `Ce code provisoire n'est plus valable (expiré, déjà utilisé, remplacé par un code plus récent ou bloqué après ${enrolmentRules.maxCodeAttempts} essais), ou les informations saisies sont incorrectes. Générez un nouveau code provisoire.`;

export const noLiveContactCodeMessage = `Ce code n'est plus valable (expiré ou bloqué après ${enrolmentRules.maxCodeAttempts} essais). Demandez-en un nouveau avec « Modifier ».`;

/** Under the code field of a contact change. */
export const contactCodeValidity = `Il est valable ${describeMinutes(enrolmentRules.contactCodeLifetimeMs / 60_000)}.`;

export const oppositionQuestion = "Je valide l'opposition à la création de Mon espace santé";
export const oppositionConsequence =
  "En validant cette décision, Mon espace santé ne sera pas créé. Vos données déjà présentes sont conservées mais ne sont plus accessibles. Vous pourrez créer Mon espace santé à tout moment.";

/**
 * The person was sent several codes recently and used none: say so, rather than "too many
 * attempts" after what was, for them, one request; and point at the code that still works.
 */
export function tooManyCodesMessage({ retryAfterSeconds, hasLiveCode }: { retryAfterSeconds: number; hasLiveCode: boolean }): string {
  const wait = `Plusieurs codes provisoires vous ont déjà été envoyés récemment et aucun n'a encore été utilisé. Par sécurité, vous pourrez en demander un nouveau dans ${waitingTimeFr(retryAfterSeconds)}.`;
  return hasLiveCode
    ? `${wait} Le dernier code envoyé reste valable : saisissez-le sur la page « Activer ou s'opposer à Mon espace santé ».`
    : wait;
}
