import "server-only";
import { formatDateFr, formatDateTimeFr, formatLongDateFr } from "@/lib/format";
import {
  appUrl,
  composeEmail,
  CORRESPONDENT_SIGNATURE,
  type EmailContent,
  greeting,
  type MessageContent,
  NEVER_SHARE_CODE,
  type SmsContent,
} from "../message-blocks";

/** Enrolment's e-mails and SMS, in French: provisional codes, notification, opposition receipt, activation, contact checks. */

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
