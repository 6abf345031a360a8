import "server-only";
import { and, asc, eq, gt } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { MAX_REMINDERS_PER_DAY, agendaReminders, insuredPersons } from "@/db/schema";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";
import { activityOf, recordActivity } from "@/lib/activity/record";
import type { FieldErrors } from "@/lib/form-state";
import { toParisCalendarDate } from "@/lib/format";
import { isUuid } from "@/lib/validation";
import { parseReminderForm } from "./schemas";

/**
 * "Rappels" (reference mes-data-model §4.2): a title on a day in the future, at most
 * MAX_REMINDERS_PER_DAY on one day. The rule is checked here under a lock on the person, and
 * held by the database too: each reminder takes one of the day's numbered slots (a unique index
 * and a CHECK on 1..10), so no interleaving of requests can store an eleventh.
 */

export const TOO_MANY_REMINDERS_MESSAGE = `Vous ne pouvez pas ajouter plus de ${MAX_REMINDERS_PER_DAY} rappels pour une même date.`;

export type Reminder = { id: string; title: string; remindOn: string; note: string | null };

const reminderColumns = { id: agendaReminders.id, title: agendaReminders.title, remindOn: agendaReminders.remindOn, note: agendaReminders.note };

/** The subject's reminders from today on (in Paris), soonest first. */
export async function findUpcomingReminders({ actor, now }: { actor: Actor; now: Date }): Promise<Reminder[]> {
  const yesterday = new Date(now.getTime() - 86_400_000);
  return getDb()
    .select(reminderColumns)
    .from(agendaReminders)
    .where(and(isOwnedBySubject(actor, agendaReminders.personId), gt(agendaReminders.remindOn, toParisCalendarDate(yesterday))))
    .orderBy(asc(agendaReminders.remindOn), asc(agendaReminders.slot));
}

export async function findAllRemindersOfPerson(executor: Executor, personId: string): Promise<Reminder[]> {
  return executor.select(reminderColumns).from(agendaReminders).where(eq(agendaReminders.personId, personId)).orderBy(asc(agendaReminders.remindOn), asc(agendaReminders.slot));
}

export type ReminderWriteResult = { status: "added"; id: string } | { status: "deleted" } | { status: "invalid"; fieldErrors: FieldErrors } | { status: "not-found" };

/** The lowest slot of 1..max that `taken` leaves free, or null when the day is full. */
export function firstFreeSlot(taken: readonly number[], max = MAX_REMINDERS_PER_DAY): number | null {
  const used = new Set(taken);
  for (let slot = 1; slot <= max; slot += 1) if (!used.has(slot)) return slot;
  return null;
}

/** « Enregistrer le rappel »: checks the fields, then the day's count, and stores it with its event. */
export async function addReminder({ actor, values, now }: { actor: Actor; values: Record<string, unknown>; now: Date }): Promise<ReminderWriteResult> {
  const parsed = parseReminderForm(values, now);
  if (!parsed.success) return { status: "invalid", fieldErrors: parsed.fieldErrors };
  const { title, remindOn, note } = parsed.data;
  return getDb().transaction(async (tx): Promise<ReminderWriteResult> => {
    // Two additions for one person wait for each other here, so the second sees the first's slot.
    await tx.select({ id: insuredPersons.id }).from(insuredPersons).where(eq(insuredPersons.id, actor.subject.personId)).for("update");
    const taken = await tx
      .select({ slot: agendaReminders.slot })
      .from(agendaReminders)
      .where(and(isOwnedBySubject(actor, agendaReminders.personId), eq(agendaReminders.remindOn, remindOn)));
    const slot = firstFreeSlot(taken.map((row) => row.slot));
    if (slot === null) return { status: "invalid", fieldErrors: { date: [TOO_MANY_REMINDERS_MESSAGE] } };
    const [row] = await tx
      .insert(agendaReminders)
      .values({ personId: actor.subject.personId, title, remindOn, note, slot, createdAt: now, updatedAt: now })
      .returning({ id: agendaReminders.id });
    if (!row) throw new Error("reminder not stored");
    await recordActivity(tx, { ...activityOf(actor), action: "agenda.reminder-added", target: { type: "agenda_reminder", id: row.id }, at: now });
    return { status: "added", id: row.id };
  });
}

/** « Supprimer » a reminder of the subject's; its slot is free again. */
export async function deleteReminder({ actor, id, now }: { actor: Actor; id: string; now: Date }): Promise<ReminderWriteResult> {
  if (!isUuid(id)) return { status: "not-found" };
  return getDb().transaction(async (tx): Promise<ReminderWriteResult> => {
    const [deleted] = await tx
      .delete(agendaReminders)
      .where(and(isOwnedBySubject(actor, agendaReminders.personId), eq(agendaReminders.id, id)))
      .returning({ id: agendaReminders.id });
    if (!deleted) return { status: "not-found" };
    await recordActivity(tx, { ...activityOf(actor), action: "agenda.reminder-deleted", target: { type: "agenda_reminder", id }, at: now });
    return { status: "deleted" };
  });
}
