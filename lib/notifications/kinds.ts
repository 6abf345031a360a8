import type { notificationKindEnum } from "@/db/schema/notifications";

export type NotificationKind = (typeof notificationKindEnum.enumValues)[number];

/** The e-mail switches of a profile (reference mes-data-model §8.1), as columns of email_preferences. */
export type EmailTopic = "newDocument" | "newMessage" | "prevention" | "screenings" | "connectedServices";

/** The switches in the order "Préférences de notification" lists them, with their French titles. */
export const EMAIL_TOPICS: readonly { topic: EmailTopic; label: string; description: string }[] = [
  { topic: "newMessage", label: "Messagerie", description: "À chaque message reçu." },
  { topic: "newDocument", label: "Documents", description: "À chaque document ajouté par un professionnel de santé." },
  {
    topic: "prevention",
    label: "Examens médicaux et vaccinations",
    description: "Pour chaque examen ou vaccination du calendrier de prévention, à sa date.",
  },
  { topic: "screenings", label: "Dépistages organisés des cancers", description: "Pour chaque dépistage proposé." },
  {
    topic: "connectedServices",
    label: "Services synchronisés",
    description: "Un e-mail tous les 90 jours listant les services connectés à votre profil.",
  },
];

/**
 * What each kind of notification is, in the centre and by e-mail. `topic: null` is an e-mail that
 * cannot be switched off: a professional's or an emergency access (SPEC §6), and the reminders the
 * person set themself (an appointment's or a "rappel"'s: asking for one is the choice).
 */
export const NOTIFICATION_KINDS: Record<NotificationKind, { topic: EmailTopic | null; linkLabel: string }> = {
  document_added: { topic: "newDocument", linkLabel: "Voir le document" },
  message_received: { topic: "newMessage", linkLabel: "Voir le message" },
  professional_access: { topic: null, linkLabel: "Voir la fiche du professionnel" },
  emergency_access: { topic: null, linkLabel: "Voir la fiche du professionnel" },
  appointment_reminder: { topic: null, linkLabel: "Voir le rendez-vous" },
  agenda_reminder: { topic: null, linkLabel: "Voir le rappel" },
  preventive_item_due: { topic: "prevention", linkLabel: "Voir l'examen médical" },
};
