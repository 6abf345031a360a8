import { conversations, messages } from "@/db/schema";
import { welcomeMessageBody } from "@/lib/delivery/templates/messaging";
import { SERVICE_SENDER_NAME } from "@/lib/messaging/welcome";
import { DAY_MS, MINUTE_MS, type TableFamily, later } from "./family";

/** The professionals who write to patients: fictitious, each a row of `professionals` (RPPS body, profession code). */
export const SCALE_PROFESSIONALS = [
  { name: "Dr Sophie Bernard", firstName: "Sophie", lastName: "Bernard", rppsBody: "1900000001", professionCode: "10", specialty: "Médecine générale" },
  { name: "Dr Marc Lefebvre", firstName: "Marc", lastName: "Lefebvre", rppsBody: "1900000002", professionCode: "10", specialty: "Cardiologie" },
  { name: "Dr Amina Diallo", firstName: "Amina", lastName: "Diallo", rppsBody: "1900000003", professionCode: "10", specialty: "Pédiatrie" },
  { name: "Julien Morel, kinésithérapeute", firstName: "Julien", lastName: "Morel", rppsBody: "1900000004", professionCode: "70", specialty: null },
  { name: "Claire Petit, pharmacienne", firstName: "Claire", lastName: "Petit", rppsBody: "1900000005", professionCode: "21", specialty: null },
  { name: "Dr Hugo Laurent, biologiste", firstName: "Hugo", lastName: "Laurent", rppsBody: "1900000006", professionCode: "10", specialty: "Biologie médicale" },
] as const;
const PROFESSIONALS = SCALE_PROFESSIONALS.map((professional) => professional.name);
const SUBJECTS = [
  "Résultats de votre prise de sang",
  "Suite à votre consultation",
  "Ordonnance de renouvellement",
  "Compte rendu de radiographie",
  "Rappel de vaccination",
] as const;
const PROFESSIONAL_BODIES = [
  "Bonjour, vos résultats sont disponibles et ne montrent rien d'inquiétant. Bonne journée.",
  "Bonjour, comme convenu voici les informations évoquées lors de la consultation.",
  "Bonjour, pensez à reprendre rendez-vous dans trois mois pour le suivi.",
  "Bonjour, votre ordonnance est prête, vous pouvez la présenter en pharmacie.",
] as const;
const PATIENT_BODIES = [
  "Merci beaucoup pour votre retour.",
  "Bonjour, est-il possible d'avancer le rendez-vous ?",
  "Bien reçu, merci docteur.",
  "Bonjour, faut-il être à jeun pour la prochaine prise de sang ?",
] as const;

/**
 * Every active space's mailbox: the welcome conversation from the service (read by most), and
 * for some people conversations started by a professional, with replies; the latest message of
 * a few is still unread.
 */
export const messagingFamily: TableFamily = {
  name: "messaging",
  addRows(people, rows, { now, professionalIds }) {
    const welcome = welcomeMessageBody();
    for (const planned of people) {
      const { person, space } = planned;
      if (space.status !== "active" || !space.activatedAt) continue;
      const personId = person.id;
      const random = planned.randomFor("messaging");
      const activatedAt = space.activatedAt;
      const readLater = (sentAt: Date) => new Date(Math.min(now.getTime(), sentAt.getTime() + random.int(1, 20 * 24 * 60) * MINUTE_MS));

      const welcomeId = random.uuid();
      rows.add(conversations, {
        id: welcomeId,
        personId,
        subject: welcome.subject,
        counterpartName: SERVICE_SENDER_NAME,
        lastMessageAt: activatedAt,
        createdAt: activatedAt,
      });
      rows.add(messages, {
        id: random.uuid(),
        conversationId: welcomeId,
        personId,
        senderKind: "service",
        senderName: SERVICE_SENDER_NAME,
        body: welcome.body,
        sentAt: activatedAt,
        readAt: random.isChance(0.75) ? readLater(activatedAt) : null,
      });

      const span = now.getTime() - activatedAt.getTime() - DAY_MS;
      if (span <= 0 || !random.isChance(0.22)) continue;
      const conversationCount = random.int(1, 3);
      for (let conversation = 0; conversation < conversationCount; conversation += 1) {
        const conversationId = random.uuid();
        const professional = random.pick(PROFESSIONALS);
        const professionalId = professionalIds.get(professional);
        if (!professionalId) throw new Error(`scale professional "${professional}" was not inserted`);
        const startedAt = later(activatedAt, random.int(0, span));
        const messageCount = random.int(1, 6);
        let sentAt = startedAt;
        const thread: (typeof messages.$inferInsert)[] = [];
        for (let index = 0; index < messageCount; index += 1) {
          const isFromProfessional = index % 2 === 0;
          const isLast = index === messageCount - 1;
          thread.push({
            id: random.uuid(),
            conversationId,
            personId,
            senderKind: isFromProfessional ? "professional" : "patient",
            senderProfessionalId: isFromProfessional ? professionalId : null,
            senderName: isFromProfessional ? professional : planned.usualFirstName,
            body: random.pick(isFromProfessional ? PROFESSIONAL_BODIES : PATIENT_BODIES),
            sentAt,
            // Each side's own messages are read by nature; the other's last word may wait.
            readAt: !isFromProfessional ? sentAt : isLast && random.isChance(0.3) ? null : readLater(sentAt),
            readByProfessionalAt: isFromProfessional ? sentAt : isLast && random.isChance(0.3) ? null : readLater(sentAt),
          });
          sentAt = new Date(Math.min(now.getTime(), sentAt.getTime() + random.int(10, 3 * 24 * 60) * MINUTE_MS));
        }
        rows.add(conversations, {
          id: conversationId,
          personId,
          professionalId,
          subject: random.pick(SUBJECTS),
          counterpartName: professional,
          lastMessageAt: thread.at(-1)?.sentAt ?? startedAt,
          createdAt: startedAt,
        });
        rows.add(messages, ...thread);
      }
    }
  },
};
