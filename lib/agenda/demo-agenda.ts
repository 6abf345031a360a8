import "server-only";
import { and, eq, gt, gte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { agendaReminders, appointments, insuredPersons, professionals } from "@/db/schema";
import { toParisCalendarDate } from "@/lib/format";
import { parisWallClockToInstant } from "@/lib/format";
import { DEMO_PROFESSIONALS } from "@/lib/professionals/demo-directory";
import { professionalDisplayName } from "@/lib/professionals/names";
import { DEMO_ACTIVE_NIR } from "@/lib/register/demo-register";
import { firstFreeSlot } from "./reminders";

/** The demo professional who added an appointment to the demo patient's agenda: the general practitioner. */
const DEMO_APPOINTMENT_PROFESSIONAL = DEMO_PROFESSIONALS.find((professional) => professional.professionCode === "10" && !professional.isEmergencyMedicalService)!;

const PATIENT_APPOINTMENT = { title: "Séance de kinésithérapie", withName: "Cabinet de kinésithérapie des Lilas", address: "4 place des Lilas, 69004 Lyon", inDays: 9, at: [17, 30] } as const;
const PROFESSIONAL_APPOINTMENT = { title: "Consultation de suivi", address: "Cabinet médical des Lilas, Lyon", inDays: 16, at: [10, 0] } as const;
const REMINDER = { title: "Renouveler l'ordonnance", note: "Apporter la carte Vitale.", inDays: 5 } as const;

function parisDayAfter(now: Date, days: number): string {
  return toParisCalendarDate(new Date(now.getTime() + days * 86_400_000));
}

export type DemoAgendaSummary = { added: number; alreadyPresent: number };

/**
 * The demo patient's agenda (npm run db:seed): an appointment they noted, one the demo general
 * practitioner added (read-only for the patient, « Confirmé »), both ahead, and a reminder.
 * Idempotent: each is added only while the agenda holds no such one still to come, so a seed run
 * weeks later gives upcoming ones again without piling up copies.
 */
export async function seedDemoAgenda(now = new Date()): Promise<DemoAgendaSummary> {
  const db = getDb();
  return db.transaction(async (tx) => {
    // Locked as addReminder does: the reminder's slot is chosen against the day's others.
    const [person] = await tx.select({ id: insuredPersons.id }).from(insuredPersons).where(eq(insuredPersons.nir, DEMO_ACTIVE_NIR)).for("update");
    const [professional] = await tx.select().from(professionals).where(eq(professionals.rpps, DEMO_APPOINTMENT_PROFESSIONAL.rpps)).limit(1);
    if (!person || !professional) return { added: 0, alreadyPresent: 0 };
    const summary: DemoAgendaSummary = { added: 0, alreadyPresent: 0 };

    const [ownUpcoming] = await tx
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.personId, person.id), eq(appointments.authorKind, "patient"), eq(appointments.title, PATIENT_APPOINTMENT.title), gte(appointments.startsAt, now)))
      .limit(1);
    if (ownUpcoming) summary.alreadyPresent += 1;
    else {
      await tx.insert(appointments).values({
        personId: person.id,
        title: PATIENT_APPOINTMENT.title,
        withKind: "practitioner",
        withName: PATIENT_APPOINTMENT.withName,
        startsAt: parisWallClockToInstant(parisDayAfter(now, PATIENT_APPOINTMENT.inDays), ...PATIENT_APPOINTMENT.at),
        address: PATIENT_APPOINTMENT.address,
        note: "Apporter l'ordonnance du Dr Leroy.",
        authorKind: "patient",
        createdAt: now,
        updatedAt: now,
      });
      summary.added += 1;
    }

    const [professionalUpcoming] = await tx
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.personId, person.id), eq(appointments.authorProfessionalId, professional.id), gte(appointments.startsAt, now)))
      .limit(1);
    if (professionalUpcoming) summary.alreadyPresent += 1;
    else {
      await tx.insert(appointments).values({
        personId: person.id,
        title: PROFESSIONAL_APPOINTMENT.title,
        withKind: "practitioner",
        withName: professionalDisplayName(professional),
        startsAt: parisWallClockToInstant(parisDayAfter(now, PROFESSIONAL_APPOINTMENT.inDays), ...PROFESSIONAL_APPOINTMENT.at),
        address: PROFESSIONAL_APPOINTMENT.address,
        authorKind: "professional",
        authorProfessionalId: professional.id,
        status: "booked",
        createdAt: now,
        updatedAt: now,
      });
      summary.added += 1;
    }

    const [reminderAhead] = await tx
      .select({ id: agendaReminders.id })
      .from(agendaReminders)
      .where(and(eq(agendaReminders.personId, person.id), eq(agendaReminders.title, REMINDER.title), gt(agendaReminders.remindOn, toParisCalendarDate(now))))
      .limit(1);
    if (reminderAhead) summary.alreadyPresent += 1;
    else {
      const remindOn = parisDayAfter(now, REMINDER.inDays);
      const taken = await tx
        .select({ slot: agendaReminders.slot })
        .from(agendaReminders)
        .where(and(eq(agendaReminders.personId, person.id), eq(agendaReminders.remindOn, remindOn)));
      const slot = firstFreeSlot(taken.map((row) => row.slot));
      if (slot !== null) {
        await tx.insert(agendaReminders).values({ personId: person.id, title: REMINDER.title, note: REMINDER.note, remindOn, slot, createdAt: now, updatedAt: now });
        summary.added += 1;
      }
    }
    return summary;
  });
}
