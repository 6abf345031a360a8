import "server-only";
import { and, eq, gte, inArray, isNull, lt, notInArray, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { agendaReminders, appointments, insuredPersons, preventiveItemStatuses } from "@/db/schema";
import { type AgendaNoticeKind, agendaReminderEmail, agendaReminderSms } from "@/lib/delivery/templates/agenda";
import { formatTimeFr, toParisCalendarDate } from "@/lib/format";
import { parisWallClockToInstant } from "@/lib/format";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { notify } from "@/lib/notifications/notify";
import { noticeRecipientsOf } from "@/lib/notifications/recipients";
import { AGENDA_PATH, PREVENTION_PATH, appointmentPath } from "./paths";
import { PREVENTIVE_ITEMS, birthDatesReachingAgeOn, isItemForPerson } from "./preventive-calendar";

/**
 * The agenda's reminders, for any scheduler to run as often as it likes (db/cli/run-jobs.ts):
 * the day before an appointment or a "rappel", and on the due date of a preventive item, a
 * notification in the profile's centre and its e-mail. Each goes through notify() with a key
 * naming the item and the day: a second run, or two at once, finds the key taken and sends
 * nothing again. `now` is injected for tests.
 */

export type AgendaJobReport = { appointments: number; reminders: number; preventiveItems: number };

function nextDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

async function send(
  { personId, kind, notice, title, path, dedupeKey, now }: { personId: string; kind: NotificationKind; notice: AgendaNoticeKind; title: string; path: string; dedupeKey: string; now: Date },
): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    // Nobody may open the space (not activated yet): nothing to remind, and nothing marked, so it is sent once someone can.
    if ((await noticeRecipientsOf(tx, personId, now)).length === 0) return false;
    return notify(tx, {
      personId,
      kind,
      title,
      path,
      dedupeKey,
      at: now,
      notice: {
        template: `agenda-${notice}`,
        compose: (recipient) => ({ email: agendaReminderEmail(notice, recipient, path), sms: agendaReminderSms(notice, recipient) }),
      },
    });
  });
}

export async function runAgendaReminderJob({ now = new Date() }: { now?: Date } = {}): Promise<AgendaJobReport> {
  const report: AgendaJobReport = { appointments: 0, reminders: 0, preventiveItems: 0 };
  const today = toParisCalendarDate(now);
  const tomorrow = nextDay(today);
  const db = getDb();

  const dueAppointments = await db
    .select({ id: appointments.id, personId: appointments.personId, startsAt: appointments.startsAt })
    .from(appointments)
    .where(
      and(
        gte(appointments.startsAt, parisWallClockToInstant(tomorrow, 0, 0)),
        lt(appointments.startsAt, parisWallClockToInstant(nextDay(tomorrow), 0, 0)),
        // Only what still stands: the patient's own, or a professional's confirmed one.
        or(isNull(appointments.status), eq(appointments.status, "booked")),
      ),
    );
  for (const appointment of dueAppointments) {
    const isNew = await send({
      personId: appointment.personId,
      kind: "appointment_reminder",
      notice: "appointment",
      title: `Vous avez un rendez-vous demain à ${formatTimeFr(appointment.startsAt)}`,
      path: appointmentPath(appointment.id),
      dedupeKey: `appointment-reminder:${appointment.id}:${tomorrow}`,
      now,
    });
    if (isNew) report.appointments += 1;
  }

  const dueReminders = await db
    .select({ id: agendaReminders.id, personId: agendaReminders.personId })
    .from(agendaReminders)
    .where(eq(agendaReminders.remindOn, tomorrow));
  for (const reminder of dueReminders) {
    const isNew = await send({
      personId: reminder.personId,
      kind: "agenda_reminder",
      notice: "reminder",
      title: "Vous avez un rappel demain",
      path: `${AGENDA_PATH}#rappels`,
      dedupeKey: `agenda-reminder:${reminder.id}:${tomorrow}`,
      now,
    });
    if (isNew) report.reminders += 1;
  }

  for (const item of PREVENTIVE_ITEMS) {
    const birthDates = birthDatesReachingAgeOn(today, item.dueAge);
    if (birthDates.length === 0) continue;
    const settled = db
      .select({ personId: preventiveItemStatuses.personId })
      .from(preventiveItemStatuses)
      .where(and(eq(preventiveItemStatuses.itemCode, item.code), inArray(preventiveItemStatuses.status, ["done", "not_done"])));
    const persons = await db
      .select({ id: insuredPersons.id, birthDate: insuredPersons.birthDate })
      .from(insuredPersons)
      .where(and(inArray(insuredPersons.birthDate, birthDates), notInArray(insuredPersons.id, settled)));
    for (const person of persons) {
      if (!isItemForPerson(item, { birthDate: person.birthDate, today })) continue;
      const isNew = await send({
        personId: person.id,
        kind: "preventive_item_due",
        notice: "preventive",
        title: item.kind === "vaccination" ? "Une vaccination de votre calendrier de prévention est prévue" : "Un examen médical de votre calendrier de prévention est prévu",
        path: PREVENTION_PATH,
        dedupeKey: `preventive-item-due:${person.id}:${item.code}:${today}`,
        now,
      });
      if (isNew) report.preventiveItems += 1;
    }
  }
  return report;
}
