import "server-only";
import { formatDateTimeFr } from "@/lib/format";
import { appUrl, composeEmail, CORRESPONDENT_SIGNATURE, type EmailContent, greeting, type SmsContent } from "../message-blocks";

/**
 * What the patient is told when a professional reaches their record (SPEC §7): at the first access
 * of each professional and at every emergency access. Neither can be switched off, and neither
 * carries health content: who, their profession, when, and where to look (the activity history).
 */

type AccessNotice = { firstName: string; professionalName: string; professionLabel: string; at: Date };

const HISTORY_HINT = "Vous retrouvez le détail de ses consultations dans « Historique d'activité », depuis votre profil.";
const AUTHORISATIONS_HINT =
  "Si vous ne connaissez pas ce professionnel, vous pouvez le bloquer dans « Autorisations d'accès », depuis votre profil.";

export function firstProfessionalAccessEmail({ firstName, professionalName, professionLabel, at }: AccessNotice): EmailContent {
  return composeEmail({
    subject: "Un professionnel de santé a accédé à votre dossier",
    heading: "Premier accès d'un professionnel de santé",
    blocks: [
      greeting(firstName),
      {
        kind: "paragraph",
        text: `${professionalName} (${professionLabel}) a accédé pour la première fois à votre dossier Mon espace santé le ${formatDateTimeFr(at)}.`,
      },
      { kind: "paragraph", text: HISTORY_HINT },
      { kind: "paragraph", text: AUTHORISATIONS_HINT },
      { kind: "link", label: "Se connecter à Mon espace santé", href: appUrl("/") },
      CORRESPONDENT_SIGNATURE,
    ],
  });
}

export function firstProfessionalAccessSms({ professionalName, at }: AccessNotice): SmsContent {
  return {
    text: `Mon espace santé : ${professionalName} a accédé pour la première fois à votre dossier le ${formatDateTimeFr(at)}. Détail dans l'historique d'activité de votre profil.`,
  };
}

export function emergencyAccessEmail({ firstName, professionalName, professionLabel, at }: AccessNotice): EmailContent {
  return composeEmail({
    subject: "Accès en urgence à votre dossier Mon espace santé",
    heading: "Accès en urgence à votre dossier",
    blocks: [
      greeting(firstName),
      {
        kind: "paragraph",
        text: `${professionalName} (${professionLabel}) a ouvert un accès en urgence à votre dossier Mon espace santé le ${formatDateTimeFr(at)}.`,
      },
      {
        kind: "paragraph",
        text:
          "Un accès en urgence est possible quand vous ne pouvez pas donner votre accord, par exemple lors d'une prise en charge par le SAMU. " +
          "Vous pouvez le refuser dans « Autorisations d'accès », depuis votre profil.",
      },
      { kind: "paragraph", text: HISTORY_HINT },
      { kind: "link", label: "Se connecter à Mon espace santé", href: appUrl("/") },
      CORRESPONDENT_SIGNATURE,
    ],
  });
}

export function emergencyAccessSms({ professionalName, at }: AccessNotice): SmsContent {
  return {
    text: `Mon espace santé : ${professionalName} a ouvert un accès en urgence à votre dossier le ${formatDateTimeFr(at)}. Détail dans l'historique d'activité de votre profil.`,
  };
}
