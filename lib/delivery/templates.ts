import "server-only";
import { formatDateFr, formatDateTimeFr, formatLongDateFr, formatTimeFr } from "@/lib/format";
import {
  AUTOMATIC_MESSAGE_NOTICE,
  type EmailContent,
  type MessageBlock,
  type MessageContent,
  appUrl,
  composeEmail,
} from "./message-blocks";

/**
 * Every e-mail and SMS the service sends, in French. E-mails give `{ subject, text, html }`,
 * SMS `{ text }`; the caller adds the recipient and queues them with lib/delivery.
 */

export type SmsContent = { text: string };

const CORRESPONDENT_SIGNATURE: MessageBlock = {
  kind: "signature",
  lines: ["Avec toute mon attention,", "Votre correspondant Mon espace santé"],
};

const NEVER_SHARE_CODE =
  "Ne communiquez jamais ce code, même à une personne qui se présente comme un conseiller de l'Assurance Maladie.";

function greeting(firstName: string): MessageBlock {
  return { kind: "paragraph", text: `Bonjour ${firstName},` };
}

/** A provisional code asked for with "Générer un nouveau code provisoire": by e-mail or by post. */
export function provisionalCodeContent({
  greetingLine,
  code,
  validUntil,
}: {
  greetingLine: string;
  code: string;
  validUntil: Date;
}): MessageContent {
  return {
    subject: "Votre code provisoire Mon espace santé",
    heading: "Votre code provisoire",
    blocks: [
      { kind: "paragraph", text: greetingLine },
      {
        kind: "paragraph",
        text: "Voici le code provisoire que vous avez demandé pour activer Mon espace santé ou vous opposer à sa création.",
      },
      { kind: "code", label: "Votre code provisoire", code },
      {
        kind: "paragraph",
        text: `Ce code est valable jusqu'au ${formatDateTimeFr(validUntil)} et ne peut servir qu'une seule fois.`,
      },
      { kind: "link", label: "Saisir mon code provisoire", href: appUrl("/activation") },
      {
        kind: "paragraph",
        text: `Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : sans ce code, personne ne peut agir sur votre espace. ${NEVER_SHARE_CODE}`,
      },
      CORRESPONDENT_SIGNATURE,
    ],
  };
}

export function provisionalCodeEmail({
  firstName,
  code,
  validUntil,
}: {
  firstName: string;
  code: string;
  validUntil: Date;
}): EmailContent {
  return composeEmail(provisionalCodeContent({ greetingLine: `Bonjour ${firstName},`, code, validUntil }));
}

export function provisionalCodeSms({ code, validUntil }: { code: string; validUntil: Date }): SmsContent {
  return {
    text: `Mon espace santé : votre code provisoire est ${code}. Il est valable jusqu'au ${formatDateTimeFr(validUntil)}. Ne le communiquez à personne.`,
  };
}

export type NotificationInput = {
  code: string;
  codeValidUntil: Date;
  /** The day the space opens by itself unless the person opposes. */
  openingDate: Date;
};

/**
 * The information every insured person receives (CSP R.1111-28), by e-mail or by post: the
 * space opens on `openingDate` unless they oppose online; the code lets them act now.
 */
export function notificationContent({
  greetingLine,
  code,
  codeValidUntil,
  openingDate,
}: NotificationInput & { greetingLine: string }): MessageContent {
  const openingDay = formatLongDateFr(openingDate);
  return {
    subject: `Mon espace santé sera créé pour vous le ${openingDay}`,
    heading: "Votre espace santé arrive",
    blocks: [
      { kind: "paragraph", text: greetingLine },
      {
        kind: "paragraph",
        text:
          "L'Assurance Maladie et le ministère de la Santé mettent à votre disposition Mon espace santé, " +
          "votre espace numérique personnel et sécurisé pour conserver vos documents de santé, " +
          "échanger avec vos professionnels de santé et garder la main sur qui voit quoi.",
      },
      {
        kind: "paragraph",
        text: `Sans opposition de votre part, Mon espace santé sera créé automatiquement le ${openingDay}.`,
      },
      {
        kind: "paragraph",
        text:
          "Vous pouvez dès maintenant l'activer, ou vous opposer à sa création. L'opposition se fait " +
          "uniquement en ligne, sur la page « Activer ou s'opposer à Mon espace santé », avec le code provisoire ci-dessous.",
      },
      { kind: "code", label: "Votre code provisoire", code },
      {
        kind: "paragraph",
        text:
          `Ce code est valable jusqu'au ${formatDateFr(codeValidUntil)} et ne peut servir qu'une seule fois. ` +
          "Passé ce délai, choisissez « Générer un nouveau code provisoire » sur la même page. " +
          NEVER_SHARE_CODE,
      },
      { kind: "link", label: "Activer ou s'opposer à Mon espace santé", href: appUrl("/activation") },
      {
        kind: "paragraph",
        text:
          "Si vous vous opposez, votre dossier médical partagé (DMP) existant est conservé mais n'est plus accessible. " +
          "Vous pourrez revenir sur votre décision à tout moment en activant Mon espace santé.",
      },
      CORRESPONDENT_SIGNATURE,
    ],
  };
}

export function notificationEmail({ firstName, ...input }: NotificationInput & { firstName: string }): EmailContent {
  return composeEmail(notificationContent({ greetingLine: `Bonjour ${firstName},`, ...input }));
}

export function oppositionReceiptEmail({ firstName, opposedAt }: { firstName: string; opposedAt: Date }): EmailContent {
  return composeEmail({
    subject: "Votre opposition à la création de Mon espace santé",
    heading: "Votre opposition a bien été prise en compte",
    blocks: [
      greeting(firstName),
      {
        kind: "paragraph",
        text: `Votre demande d'opposition à la création de Mon espace santé a bien été prise en compte le ${formatDateFr(opposedAt)}.`,
      },
      { kind: "paragraph", text: "Votre justificatif d'opposition est joint à ce message (format PDF)." },
      {
        kind: "paragraph",
        text:
          "Vous pouvez revenir à tout moment sur votre décision : générez un nouveau code provisoire, " +
          "puis choisissez « J'active Mon espace santé ».",
      },
      { kind: "link", label: "Activer Mon espace santé", href: appUrl("/activation") },
      { kind: "signature", lines: ["Avec toute mon attention,", "Votre conseiller Mon espace santé"] },
    ],
  });
}

export function activationConfirmationEmail({ firstName }: { firstName: string }): EmailContent {
  return composeEmail({
    subject: "Votre profil a bien été activé",
    heading: "Votre profil a bien été activé !",
    blocks: [
      greeting(firstName),
      { kind: "paragraph", text: "Bienvenue sur Mon espace santé." },
      { kind: "paragraph", text: "Vous avez la main sur votre santé et vous pouvez désormais :" },
      {
        kind: "list",
        items: [
          "stocker et archiver en ligne l'essentiel de vos données de santé en toute sécurité ;",
          "partager une synthèse de votre profil médical avec les professionnels de santé qui vous accompagnent ;",
          "échanger avec vos professionnels de santé en toute confidentialité grâce à la messagerie de santé ;",
          "suivre la santé de vos enfants en rattachant leur profil directement au vôtre.",
        ],
      },
      { kind: "paragraph", text: "Rendez-vous dès maintenant sur Mon espace santé pour compléter votre profil médical." },
      { kind: "link", label: "Me connecter à Mon espace santé", href: appUrl("/connexion") },
      { kind: "paragraph", text: "Une question ? Nous vous invitons à consulter l'aide en ligne." },
      CORRESPONDENT_SIGNATURE,
    ],
  });
}

/** For a person who activated with a mobile number only. */
export function activationConfirmationSms(): SmsContent {
  return { text: "Mon espace santé : votre profil a bien été activé. Connectez-vous avec votre identifiant et votre mot de passe." };
}

export function contactVerificationEmail({ code }: { code: string }): EmailContent {
  return composeEmail({
    subject: "Vérifiez votre adresse e-mail pour Mon espace santé",
    heading: "Vérification de votre adresse e-mail",
    blocks: [
      { kind: "paragraph", text: "Bonjour," },
      {
        kind: "paragraph",
        text: "Pour confirmer cette adresse e-mail comme coordonnée de contact de Mon espace santé, saisissez le code suivant :",
      },
      { kind: "code", label: "Votre code de vérification", code },
      {
        kind: "paragraph",
        text: `Ce code n'est valable que quelques minutes et ne peut servir qu'une seule fois. ${NEVER_SHARE_CODE}`,
      },
      {
        kind: "paragraph",
        text: "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre adresse ne sera pas enregistrée.",
      },
      CORRESPONDENT_SIGNATURE,
    ],
  });
}

export function contactVerificationSms({ code }: { code: string }): SmsContent {
  return {
    text: `Mon espace santé : votre code de vérification est ${code}. Il n'est valable que quelques minutes. Ne le communiquez à personne.`,
  };
}

/** The one-time code asked at every login ("code d'accès provisoire"). */
export function loginCodeEmail({ code, validUntil }: { code: string; validUntil: Date }): EmailContent {
  return composeEmail({
    subject: "Votre code de connexion Mon espace santé",
    heading: "Votre code de connexion",
    blocks: [
      { kind: "paragraph", text: "Bonjour," },
      { kind: "paragraph", text: "Pour terminer votre connexion à Mon espace santé, saisissez le code suivant :" },
      { kind: "code", label: "Votre code de connexion", code },
      {
        kind: "paragraph",
        text: `Ce code est valable jusqu'à ${formatTimeFr(validUntil)} et ne peut servir qu'une seule fois. ${NEVER_SHARE_CODE}`,
      },
      {
        kind: "paragraph",
        text:
          "Si vous n'êtes pas à l'origine de cette connexion, quelqu'un connaît peut-être votre mot de passe : " +
          "changez-le depuis votre compte.",
      },
      CORRESPONDENT_SIGNATURE,
    ],
  });
}

export function loginCodeSms({ code, validUntil }: { code: string; validUntil: Date }): SmsContent {
  return {
    text: `Mon espace santé : votre code de connexion est ${code}. Il est valable jusqu'à ${formatTimeFr(validUntil)}. Ne le communiquez à personne.`,
  };
}

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

/** "Mot de passe oublié ?": the code that proves the person receives messages at the contact on file. */
export function passwordResetCodeEmail({ code, validUntil }: { code: string; validUntil: Date }): EmailContent {
  return composeEmail({
    subject: "Votre code pour changer de mot de passe",
    heading: "Changement de votre mot de passe",
    blocks: [
      { kind: "paragraph", text: "Bonjour," },
      { kind: "paragraph", text: "Pour choisir un nouveau mot de passe Mon espace santé, saisissez le code suivant :" },
      { kind: "code", label: "Votre code de vérification", code },
      {
        kind: "paragraph",
        text: `Ce code est valable jusqu'à ${formatTimeFr(validUntil)} et ne peut servir qu'une seule fois. ${NEVER_SHARE_CODE}`,
      },
      {
        kind: "paragraph",
        text: "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
      },
      CORRESPONDENT_SIGNATURE,
    ],
  });
}

export function passwordResetCodeSms({ code, validUntil }: { code: string; validUntil: Date }): SmsContent {
  return {
    text: `Mon espace santé : votre code pour changer de mot de passe est ${code}. Valable jusqu'à ${formatTimeFr(validUntil)}. Ne le communiquez à personne.`,
  };
}

/** "Identifiant oublié ?": the identifier, sent only to the contact on file. */
export function identifierReminderEmail({ firstName, identifier }: { firstName: string; identifier: string }): EmailContent {
  return composeEmail({
    subject: "Votre identifiant Mon espace santé",
    heading: "Votre identifiant",
    blocks: [
      greeting(firstName),
      { kind: "paragraph", text: "Vous avez demandé à recevoir votre identifiant de connexion à Mon espace santé." },
      { kind: "code", label: "Votre identifiant", code: identifier },
      { kind: "link", label: "Me connecter à Mon espace santé", href: appUrl("/connexion") },
      {
        kind: "paragraph",
        text: "Si vous avez aussi oublié votre mot de passe, choisissez « Mot de passe oublié ? » sur la page de connexion.",
      },
      {
        kind: "paragraph",
        text: "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre identifiant seul ne permet pas d'accéder à votre espace.",
      },
      CORRESPONDENT_SIGNATURE,
    ],
  });
}

export function identifierReminderSms({ identifier }: { identifier: string }): SmsContent {
  return { text: `Mon espace santé : votre identifiant de connexion est ${identifier}` };
}

/** Sent after every password change: the person learns of a change they did not make. */
export function passwordChangedEmail({ firstName, changedAt }: { firstName: string; changedAt: Date }): EmailContent {
  return composeEmail({
    subject: "Votre mot de passe a été modifié",
    heading: "Mot de passe modifié",
    blocks: [
      greeting(firstName),
      {
        kind: "paragraph",
        text: `Le mot de passe de votre compte Mon espace santé a été modifié le ${formatDateTimeFr(changedAt)}. Par sécurité, vous avez été déconnecté de tous vos appareils.`,
      },
      {
        kind: "paragraph",
        text:
          "Si vous n'êtes pas à l'origine de ce changement, choisissez sans attendre « Mot de passe oublié ? » sur la page de connexion " +
          "pour en choisir un nouveau, et contactez le service Mon espace santé au 3422 (service gratuit + prix d'un appel).",
      },
      { kind: "link", label: "Me connecter à Mon espace santé", href: appUrl("/connexion") },
      CORRESPONDENT_SIGNATURE,
    ],
  });
}

export function passwordChangedSms({ changedAt }: { changedAt: Date }): SmsContent {
  return {
    text: `Mon espace santé : votre mot de passe a été modifié le ${formatDateTimeFr(changedAt)}. Si ce n'est pas vous, appelez le 3422.`,
  };
}

/** The account was locked after 10 failures in a row: tells the owner until when, and what to do. */
export function accountLockedEmail({ firstName, lockedUntil }: { firstName: string; lockedUntil: Date }): EmailContent {
  return composeEmail({
    subject: "Connexion à Mon espace santé bloquée temporairement",
    heading: "Connexion bloquée temporairement",
    blocks: [
      greeting(firstName),
      {
        kind: "paragraph",
        text: `Après 10 échecs de connexion consécutifs (mot de passe ou code de connexion incorrect), la connexion à votre compte est bloquée jusqu'au ${formatDateTimeFr(lockedUntil)}.`,
      },
      {
        kind: "paragraph",
        text: "À partir de cette heure, vous pourrez vous connecter normalement. « Mot de passe oublié ? » ne lève pas ce blocage.",
      },
      {
        kind: "paragraph",
        text:
          "Si vous n'êtes pas à l'origine de ces tentatives, quelqu'un essaie peut-être d'accéder à votre compte : " +
          "changez votre mot de passe dès que possible et contactez le service Mon espace santé au 3422 (service gratuit + prix d'un appel).",
      },
      CORRESPONDENT_SIGNATURE,
    ],
  });
}

export function accountLockedSms({ lockedUntil }: { lockedUntil: Date }): SmsContent {
  return {
    text: `Mon espace santé : après 10 échecs, la connexion à votre compte est bloquée jusqu'au ${formatDateTimeFr(lockedUntil)}. Si ce n'est pas vous, appelez le 3422.`,
  };
}
