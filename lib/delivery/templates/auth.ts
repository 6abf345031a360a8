import "server-only";
import { formatDateTimeFr, formatTimeFr } from "@/lib/format";
import {
  appUrl,
  composeEmail,
  CORRESPONDENT_SIGNATURE,
  type EmailContent,
  greeting,
  NEVER_SHARE_CODE,
  type SmsContent,
} from "../message-blocks";

/** Login and recovery e-mails and SMS, in French: login and reset codes, identifier reminder, password changed, account locked. */

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
