import "server-only";
import {
  AUTOMATIC_MESSAGE_NOTICE,
} from "../message-blocks";

/** Messages posted in the secure mailbox by the service itself. */

/** The first message in the patient's secure mailbox, from "Mon espace santé", after activation. */
export function welcomeMessageBody(): { subject: string; body: string } {
  return {
    subject: "Bienvenue dans votre messagerie Mon espace santé",
    body: [
      "Bienvenue dans votre messagerie Mon espace santé,",
      "Retrouvez dans cette messagerie l'ensemble des messages envoyés par vos professionnels de santé.",
      "Seul un professionnel de santé peut débuter un premier échange avec vous. Vous pourrez ensuite lui répondre.",
      "Si vous recevez des pièces jointes, vous pouvez les enregistrer et les classer dans la partie « Documents » de Mon espace santé.",
      "Lors de vos prochaines consultations, n'hésitez pas à indiquer à votre professionnel de santé qu'il peut vous contacter via cette messagerie.",
      "Une question ? Vous pouvez cliquer sur « Aide » dans la partie « Profil » de Mon espace santé.",
      "Avec toute mon attention,\nVotre correspondant Mon espace santé.",
      AUTOMATIC_MESSAGE_NOTICE,
    ].join("\n\n"),
  };
}
