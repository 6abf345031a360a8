export { tooManyAttemptsMessage, wrongCodeMessage } from "@/lib/messages";

/** French wording shared by the enrolment pages. */
export const expiredFlowMessage =
  "Votre démarche a expiré ou n'a pas été trouvée. Recommencez en saisissant votre code provisoire, ou générez-en un nouveau.";

export const oppositionQuestion = "Je valide l'opposition à la création de Mon espace santé";
export const oppositionConsequence =
  "En validant cette décision, Mon espace santé ne sera pas créé. Vos données déjà présentes sont conservées mais ne sont plus accessibles. Vous pourrez créer Mon espace santé à tout moment.";
