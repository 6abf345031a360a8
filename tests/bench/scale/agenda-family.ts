import { agendaReminders, appointments } from "@/db/schema";
import { DAY_MS, MINUTE_MS, type TableFamily, later } from "./family";

const PRACTITIONERS = ["Dr Sophie Bernard", "Dr Marc Lefebvre", "Dr Amina Diallo", "Cabinet de kinésithérapie des Lilas", "Centre dentaire du Parc"] as const;
const ESTABLISHMENTS = ["CHU de Nantes", "Hôpital Édouard-Herriot", "Clinique du Val", "Laboratoire Biologie Centre"] as const;
const TITLES = ["Contrôle annuel", "Suivi tension", "Bilan sanguin", "Détartrage", "Rééducation du genou", "Échographie"] as const;
const REMINDER_TITLES = ["Renouveler l'ordonnance", "Prendre rendez-vous chez le dentiste", "Faire la prise de sang", "Rappel vaccin"] as const;

/**
 * The agenda of about one active space in three: appointments the patient noted (past ones, and
 * some to come, as "Mes prochains rendez-vous" and the reminder job read them), and a few
 * reminders ahead; about one appointment in five was added by one of the scale set's
 * professionals, with its status (honoré or non honoré once past, annulé now and then).
 */
export const agendaFamily: TableFamily = {
  name: "agenda",
  addRows(people, rows, { now, professionals }) {
    for (const planned of people) {
      const { person, space } = planned;
      if (space.status !== "active" || !space.activatedAt) continue;
      const random = planned.randomFor("agenda");
      if (!random.isChance(0.35)) continue;
      const activatedAt = space.activatedAt;
      const appointmentCount = random.int(1, 9);
      for (let index = 0; index < appointmentCount; index += 1) {
        // From the space's opening to three months ahead, on a quarter hour between 8:00 and 18:00 (UTC, near enough).
        const spanDays = Math.max(1, Math.floor((now.getTime() - activatedAt.getTime()) / DAY_MS) + 90);
        const day = new Date(activatedAt.getTime() + random.int(0, spanDays) * DAY_MS);
        day.setUTCHours(0, 0, 0, 0);
        const startsAt = later(day, (8 * 60 + 15 * random.int(0, 40)) * MINUTE_MS);
        const isEstablishment = random.isChance(0.25);
        const createdAt = new Date(Math.min(now.getTime(), Math.max(activatedAt.getTime(), startsAt.getTime() - random.int(1, 60) * DAY_MS)));
        if (random.isChance(0.2)) {
          const professional = random.pick(professionals);
          const isPast = startsAt.getTime() < now.getTime();
          rows.add(appointments, {
            id: random.uuid(),
            personId: person.id,
            title: random.isChance(0.7) ? random.pick(TITLES) : null,
            withKind: "practitioner",
            withName: professional.fullName,
            startsAt,
            address: null,
            note: null,
            authorKind: "professional",
            authorProfessionalId: professional.id,
            status: random.isChance(0.1) ? "cancelled" : isPast ? (random.isChance(0.9) ? "fulfilled" : "noshow") : "booked",
            createdAt,
            updatedAt: createdAt,
          });
          continue;
        }
        rows.add(appointments, {
          id: random.uuid(),
          personId: person.id,
          title: random.isChance(0.7) ? random.pick(TITLES) : null,
          withKind: isEstablishment ? "establishment" : "practitioner",
          withName: random.pick(isEstablishment ? ESTABLISHMENTS : PRACTITIONERS),
          startsAt,
          address: random.isChance(0.4) ? `${random.int(1, 120)} rue de la République, Lyon` : null,
          note: random.isChance(0.2) ? "Apporter la carte Vitale et les derniers résultats." : null,
          authorKind: "patient",
          createdAt,
          updatedAt: createdAt,
        });
      }
      const reminderCount = random.int(0, 4);
      for (let index = 0; index < reminderCount; index += 1) {
        // Each on a day of its own, so slot 1 is always free.
        const remindOn = new Date(now.getTime() + (1 + index * 7 + random.int(0, 7)) * DAY_MS).toISOString().slice(0, 10);
        rows.add(agendaReminders, { id: random.uuid(), personId: person.id, title: random.pick(REMINDER_TITLES), remindOn, slot: 1, createdAt: now, updatedAt: now });
      }
    }
  },
};
