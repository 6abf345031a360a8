import "server-only";
import { appUrl, composeEmail, CORRESPONDENT_SIGNATURE, type EmailContent, greeting, type SmsContent } from "../message-blocks";

/**
 * The agenda's e-mail reminders (SPEC §6 Agenda): the day before an appointment or a "rappel",
 * and on the due date of an item of the preventive calendar. None carries health content: not
 * the title, not with whom, not which vaccine or examination; only that there is something, and
 * where to read it once signed in.
 */

export type AgendaNoticeKind = "appointment" | "reminder" | "preventive";

const WORDING: Record<AgendaNoticeKind, { subject: string; sentence: string; sms: string }> = {
  appointment: {
    subject: "Vous avez un rendez-vous demain",
    sentence: "Vous avez un rendez-vous demain. Retrouvez-le dans l'agenda de Mon espace santé.",
    sms: "Mon espace santé : vous avez un rendez-vous demain. Détail dans votre agenda.",
  },
  reminder: {
    subject: "Vous avez un rappel demain",
    sentence: "Vous avez un rappel demain. Retrouvez-le dans l'agenda de Mon espace santé.",
    sms: "Mon espace santé : vous avez un rappel demain. Détail dans votre agenda.",
  },
  preventive: {
    subject: "Une échéance de votre calendrier de prévention",
    sentence: "Une échéance de votre calendrier de prévention arrive aujourd'hui. Retrouvez-la dans l'agenda de Mon espace santé.",
    sms: "Mon espace santé : une échéance de votre calendrier de prévention arrive aujourd'hui. Détail dans votre agenda.",
  },
};

/** `childFirstName`: the agenda is a child's, and the reminder goes to a legal representative. */
type AgendaNoticeRecipient = { firstName: string; childFirstName: string | null };

export function agendaReminderEmail(kind: AgendaNoticeKind, { firstName, childFirstName }: AgendaNoticeRecipient, path: string): EmailContent {
  const wording = WORDING[kind];
  return composeEmail({
    subject: wording.subject,
    heading: wording.subject,
    blocks: [
      greeting(firstName),
      { kind: "paragraph", text: wording.sentence },
      ...(childFirstName ? [{ kind: "paragraph" as const, text: `Il s'agit du profil Mon espace santé de ${childFirstName}.` }] : []),
      { kind: "link", label: "Se connecter à Mon espace santé", href: appUrl(path) },
      CORRESPONDENT_SIGNATURE,
    ],
  });
}

export function agendaReminderSms(kind: AgendaNoticeKind, { childFirstName }: AgendaNoticeRecipient): SmsContent {
  return { text: childFirstName ? `${WORDING[kind].sms} (profil de ${childFirstName})` : WORDING[kind].sms };
}
