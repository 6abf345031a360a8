import "server-only";
import {
  AUTOMATIC_MESSAGE_NOTICE,
  appUrl,
  composeEmail,
  CORRESPONDENT_SIGNATURE,
  type EmailContent,
  greeting,
  type SmsContent,
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

/**
 * The notice of a new message in the secure mailbox. No health content: neither the subject, nor
 * the text, nor who wrote (a specialist's name alone can say too much); only that a message waits.
 */
type NewMessageNotice = { firstName: string; childFirstName: string | null };

/** `childFirstName`: the message is in a child's space, told to a legal representative. */
function whoseMailbox(childFirstName: string | null): string {
  return childFirstName ? `la messagerie sécurisée Mon espace santé de ${childFirstName}` : "votre messagerie sécurisée Mon espace santé";
}

export function newMessageEmail({ firstName, childFirstName }: NewMessageNotice): EmailContent {
  return composeEmail({
    subject: "Vous avez reçu un nouveau message",
    heading: "Nouveau message dans votre messagerie",
    blocks: [
      greeting(firstName),
      { kind: "paragraph", text: `Un professionnel de santé a envoyé un message dans ${whoseMailbox(childFirstName)}.` },
      { kind: "paragraph", text: "Pour le lire, connectez-vous à Mon espace santé et ouvrez « Messagerie »." },
      { kind: "link", label: "Se connecter à Mon espace santé", href: appUrl("/messagerie") },
      {
        kind: "paragraph",
        text: "Vous pouvez choisir de ne plus recevoir ces e-mails dans les préférences de notification de votre profil.",
      },
      CORRESPONDENT_SIGNATURE,
    ],
  });
}

export function newMessageSms({ childFirstName }: NewMessageNotice): SmsContent {
  return { text: `Mon espace santé : un nouveau message est arrivé dans ${whoseMailbox(childFirstName)}. Connectez-vous pour le lire.` };
}
