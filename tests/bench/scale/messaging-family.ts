import { conversations, messages, professionals } from "@/db/schema";
import { welcomeMessageBody } from "@/lib/delivery/templates/messaging";
import { SERVICE_SENDER_NAME } from "@/lib/messaging/welcome";
import { professionalDisplayName } from "@/lib/professionals/names";
import { luhnCheckDigit } from "@/lib/professionals/rpps";
import { DAY_MS, MINUTE_MS, type TableFamily, later } from "./family";

/**
 * The professionals who write in the data set: rows of their own, since a professional's message
 * names its sender (messages_professional_sender_named, migration 0014) and a conversation its
 * professional. Fixed ids and RPPS numbers (a range of their own, 10991…, beside the demo's
 * 10990…), so every batch and every run refers to the same rows, inserted once.
 */
const BENCH_PROFESSIONALS = [
  { lastName: "Bernard", firstName: "Sophie", professionCode: "10", specialty: "Médecine générale", structureName: "Cabinet médical du Parc" },
  { lastName: "Lefebvre", firstName: "Marc", professionCode: "10", specialty: "Cardiologie", structureName: "Clinique du Centre" },
  { lastName: "Diallo", firstName: "Amina", professionCode: "10", specialty: "Pédiatrie", structureName: "Cabinet de pédiatrie des Lilas" },
  { lastName: "Moreau", firstName: "Julien", professionCode: "70", specialty: null, structureName: "Cabinet de kinésithérapie des Lilas" },
  { lastName: "Petit", firstName: "Claire", professionCode: "21", specialty: null, structureName: "Pharmacie du Marché" },
  { lastName: "Roux", firstName: "Hélène", professionCode: "60", specialty: null, structureName: "Cabinet infirmier Biologie Centre" },
].map((professional, index) => {
  const body = `1099100${String(index + 1).padStart(3, "0")}`;
  return {
    ...professional,
    id: `00000000-0000-4000-8000-bbbbbbbb${String(index + 1).padStart(4, "0")}`,
    rpps: body + luhnCheckDigit(body),
    city: "Lyon",
    name: professionalDisplayName(professional),
  };
});

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
  addSharedRows(rows, { now }) {
    rows.add(
      professionals,
      ...BENCH_PROFESSIONALS.map(({ name: _name, ...professional }) => ({ ...professional, createdAt: now, updatedAt: now })),
    );
  },
  addRows(people, rows, { now }) {
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
        const professional = random.pick(BENCH_PROFESSIONALS);
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
            senderProfessionalId: isFromProfessional ? professional.id : null,
            senderName: isFromProfessional ? professional.name : planned.usualFirstName,
            body: random.pick(isFromProfessional ? PROFESSIONAL_BODIES : PATIENT_BODIES),
            sentAt,
            // The patient's own replies are read by nature; a professional's last word may wait.
            readAt: !isFromProfessional ? sentAt : isLast && random.isChance(0.3) ? null : readLater(sentAt),
            // Likewise on the professional's side: their own are read, the patient's last reply may wait.
            readByProfessionalAt: isFromProfessional ? sentAt : isLast && random.isChance(0.3) ? null : readLater(sentAt),
          });
          sentAt = new Date(Math.min(now.getTime(), sentAt.getTime() + random.int(10, 3 * 24 * 60) * MINUTE_MS));
        }
        rows.add(conversations, {
          id: conversationId,
          personId,
          professionalId: professional.id,
          subject: random.pick(SUBJECTS),
          counterpartName: professional.name,
          lastMessageAt: thread.at(-1)?.sentAt ?? startedAt,
          createdAt: startedAt,
        });
        rows.add(messages, ...thread);
      }
    }
  },
};
