import "server-only";
import { and, asc, desc, eq, gte, lt } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { appointments } from "@/db/schema";
import { type Actor, type ProfessionalActor, isOwnedBySubject } from "@/lib/access/actor";
import { activityOf, recordActivity } from "@/lib/activity/record";
import type { FieldErrors } from "@/lib/form-state";
import { professionalActivityOf } from "@/lib/professional-access/activity";
import { professionalMay } from "@/lib/professional-access/decide";
import { loadStanding } from "@/lib/professional-access/standing";
import { isUuid } from "@/lib/validation";
import {
  type AppointmentStatus,
  type AppointmentWithKind,
  parseAppointmentForm,
  parseAppointmentStatusForm,
  parseProfessionalAppointmentForm,
} from "./schemas";

/**
 * The agenda's appointments. The patient writes, changes and deletes their own; a professional
 * who may (professionalMay "add-appointment") adds one from /pro, which the patient reads only,
 * and later changes its status (professionalMay "change-appointment-status").
 * Every query is scoped to the subject; someone else's appointment is "not found".
 */

export type Appointment = {
  id: string;
  title: string | null;
  withKind: AppointmentWithKind;
  withName: string;
  startsAt: Date;
  address: string | null;
  note: string | null;
  authorKind: "patient" | "professional";
  status: AppointmentStatus | null;
};

const appointmentColumns = {
  id: appointments.id,
  title: appointments.title,
  withKind: appointments.withKind,
  withName: appointments.withName,
  startsAt: appointments.startsAt,
  address: appointments.address,
  note: appointments.note,
  authorKind: appointments.authorKind,
  status: appointments.status,
};

/** Whether the patient may change or delete it: only what they wrote themself (reference §4.1). */
export function isEditableByPatient(appointment: Pick<Appointment, "authorKind">): boolean {
  return appointment.authorKind === "patient";
}

/** What "Avec qui" and the title say in one line: the title, or whom it is with. */
export function appointmentHeadline(appointment: Pick<Appointment, "title" | "withName">): string {
  return appointment.title ?? `Rendez-vous avec ${appointment.withName}`;
}

/** The subject's appointments from now on, soonest first ("Mes prochains rendez-vous"). */
export async function findUpcomingAppointments({ actor, now, limit = 50 }: { actor: Actor; now: Date; limit?: number }): Promise<Appointment[]> {
  return getDb()
    .select(appointmentColumns)
    .from(appointments)
    .where(and(isOwnedBySubject(actor, appointments.personId), gte(appointments.startsAt, now)))
    .orderBy(asc(appointments.startsAt), asc(appointments.id))
    .limit(limit);
}

/** The subject's past appointments, latest first. */
export async function findPastAppointments({ actor, now, limit = 50 }: { actor: Actor; now: Date; limit?: number }): Promise<Appointment[]> {
  return getDb()
    .select(appointmentColumns)
    .from(appointments)
    .where(and(isOwnedBySubject(actor, appointments.personId), lt(appointments.startsAt, now)))
    .orderBy(desc(appointments.startsAt), desc(appointments.id))
    .limit(limit);
}

/** Every appointment of a person, for the .ics export and the subscription (the caller has checked who asks). */
export async function findAllAppointmentsOfPerson(executor: Executor, personId: string): Promise<Appointment[]> {
  return executor.select(appointmentColumns).from(appointments).where(eq(appointments.personId, personId)).orderBy(asc(appointments.startsAt), asc(appointments.id));
}

export async function findAppointment({ actor, id }: { actor: Actor; id: string }): Promise<Appointment | null> {
  if (!isUuid(id)) return null;
  const [row] = await getDb()
    .select(appointmentColumns)
    .from(appointments)
    .where(and(isOwnedBySubject(actor, appointments.personId), eq(appointments.id, id)))
    .limit(1);
  return row ?? null;
}

export type AppointmentWriteResult =
  | { status: "saved"; id: string }
  | { status: "deleted" }
  | { status: "invalid"; fieldErrors: FieldErrors }
  | { status: "not-found" }
  /** A professional's appointment: the patient reads it only. */
  | { status: "read-only" };

async function lockOwnAppointment(executor: Executor, actor: Actor, id: string): Promise<"found" | "not-found" | "read-only"> {
  const [row] = await executor
    .select({ authorKind: appointments.authorKind })
    .from(appointments)
    .where(and(isOwnedBySubject(actor, appointments.personId), eq(appointments.id, id)))
    .for("update");
  if (!row) return "not-found";
  return isEditableByPatient(row) ? "found" : "read-only";
}

/** « Enregistrer le rendez-vous »: adds one (`id` null) or changes the subject's own, with its event. */
export async function saveAppointment({
  actor,
  id,
  values,
  now,
}: {
  actor: Actor;
  id: string | null;
  values: Record<string, unknown>;
  now: Date;
}): Promise<AppointmentWriteResult> {
  if (id !== null && !isUuid(id)) return { status: "not-found" };
  const parsed = parseAppointmentForm(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: parsed.fieldErrors };
  const columns = { ...parsed.data, updatedAt: now };
  return getDb().transaction(async (tx): Promise<AppointmentWriteResult> => {
    if (id !== null) {
      const found = await lockOwnAppointment(tx, actor, id);
      if (found !== "found") return { status: found };
    }
    const [row] =
      id === null
        ? await tx
            .insert(appointments)
            .values({ personId: actor.subject.personId, ...columns, authorKind: "patient", createdAt: now })
            .returning({ id: appointments.id })
        : await tx
            .update(appointments)
            .set(columns)
            .where(and(isOwnedBySubject(actor, appointments.personId), eq(appointments.id, id)))
            .returning({ id: appointments.id });
    if (!row) throw new Error("appointment not stored");
    await recordActivity(tx, {
      ...activityOf(actor),
      action: id === null ? "agenda.appointment-added" : "agenda.appointment-changed",
      target: { type: "appointment", id: row.id },
      at: now,
    });
    return { status: "saved", id: row.id };
  });
}

/** « Supprimer » on one of the subject's own appointments; a professional's stays. */
export async function deleteAppointment({ actor, id, now }: { actor: Actor; id: string; now: Date }): Promise<AppointmentWriteResult> {
  if (!isUuid(id)) return { status: "not-found" };
  return getDb().transaction(async (tx): Promise<AppointmentWriteResult> => {
    const found = await lockOwnAppointment(tx, actor, id);
    if (found !== "found") return { status: found };
    await tx.delete(appointments).where(and(isOwnedBySubject(actor, appointments.personId), eq(appointments.id, id)));
    await recordActivity(tx, { ...activityOf(actor), action: "agenda.appointment-deleted", target: { type: "appointment", id }, at: now });
    return { status: "deleted" };
  });
}

export type ProfessionalAppointmentResult = { status: "added"; id: string } | { status: "invalid"; fieldErrors: FieldErrors } | { status: "not-found" };

/**
 * « Ajouter un rendez-vous » from /pro: an appointment with this professional in the patient's
 * agenda, with its status, when professionalMay says "add-appointment"; otherwise the patient is
 * "not found", as everywhere in /pro.
 */
export async function addProfessionalAppointment(
  { actor, personId, values, now }: { actor: ProfessionalActor; personId: string; values: Record<string, unknown>; now: Date },
  executor: Executor = getDb(),
): Promise<ProfessionalAppointmentResult> {
  const loaded = await loadStanding(executor, { actor, personId, now });
  if (
    !loaded ||
    !professionalMay(loaded.reach, { kind: "add-appointment" }, { professionalId: actor.professional.id, isTypeAccessible: loaded.isTypeAccessible })
  ) {
    return { status: "not-found" };
  }
  const parsed = parseProfessionalAppointmentForm(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: parsed.fieldErrors };
  return executor.transaction(async (tx): Promise<ProfessionalAppointmentResult> => {
    const [row] = await tx
      .insert(appointments)
      .values({
        personId: loaded.personId,
        ...parsed.data,
        withKind: "practitioner",
        withName: actor.professional.fullName,
        authorKind: "professional",
        authorProfessionalId: actor.professional.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: appointments.id });
    if (!row) throw new Error("appointment not stored");
    await recordActivity(tx, {
      ...professionalActivityOf(actor, loaded.personId),
      action: "agenda.appointment-added",
      target: { type: "appointment", id: row.id },
      at: now,
    });
    return { status: "added", id: row.id };
  });
}

/** One of the appointments a professional added to a patient's agenda, as /pro lists them. */
export type ProfessionalAppointment = Pick<Appointment, "id" | "title" | "withName" | "startsAt" | "address"> & { status: AppointmentStatus };

/**
 * The appointments this professional added to the patient's agenda, latest first, for the status
 * form of the record's page; none when they may not change them (professionalMay), as for anyone
 * else's appointments, which they never see.
 */
export async function findAppointmentsAddedBy(
  { actor, personId, now, limit = 20 }: { actor: ProfessionalActor; personId: string; now: Date; limit?: number },
  executor: Executor = getDb(),
): Promise<ProfessionalAppointment[]> {
  const loaded = await loadStanding(executor, { actor, personId, now });
  const request = { kind: "change-appointment-status", appointment: { authorProfessionalId: actor.professional.id } } as const;
  if (!loaded || !professionalMay(loaded.reach, request, { professionalId: actor.professional.id, isTypeAccessible: loaded.isTypeAccessible })) return [];
  const rows = await executor
    .select({ ...appointmentColumns })
    .from(appointments)
    .where(and(eq(appointments.personId, loaded.personId), eq(appointments.authorKind, "professional"), eq(appointments.authorProfessionalId, actor.professional.id)))
    .orderBy(desc(appointments.startsAt), desc(appointments.id))
    .limit(limit);
  // The database requires a status on a professional's appointment (appointments' author check): the fallback only satisfies the type.
  return rows.map((row) => ({ id: row.id, title: row.title, withName: row.withName, startsAt: row.startsAt, address: row.address, status: row.status ?? "booked" }));
}

export type AppointmentStatusResult = { status: "changed"; id: string } | { status: "invalid"; fieldErrors: FieldErrors } | { status: "not-found" };

/**
 * « Enregistrer le statut » from /pro: the professional who added the appointment sets it to
 * confirmé, honoré, annulé or non honoré, with its event in the patient's history (each time it
 * is saved, the same status again included: it is the professional's word at that time). Anyone else —
 * another professional, the author without consent any more, an appointment of another patient
 * or the patient's own — finds nothing.
 */
export async function changeAppointmentStatus(
  { actor, personId, values, now }: { actor: ProfessionalActor; personId: string; values: Record<string, unknown>; now: Date },
  executor: Executor = getDb(),
): Promise<AppointmentStatusResult> {
  const loaded = await loadStanding(executor, { actor, personId, now });
  if (!loaded) return { status: "not-found" };
  const parsed = parseAppointmentStatusForm(values);
  if (!parsed.success) return parsed.fieldErrors.id ? { status: "not-found" } : { status: "invalid", fieldErrors: parsed.fieldErrors };
  const { id, status } = parsed.data;
  return executor.transaction(async (tx): Promise<AppointmentStatusResult> => {
    const [row] = await tx
      .select({ authorProfessionalId: appointments.authorProfessionalId })
      .from(appointments)
      .where(and(eq(appointments.personId, loaded.personId), eq(appointments.id, id), eq(appointments.authorKind, "professional")))
      .for("update");
    if (
      !row ||
      !professionalMay(
        loaded.reach,
        { kind: "change-appointment-status", appointment: { authorProfessionalId: row.authorProfessionalId } },
        { professionalId: actor.professional.id, isTypeAccessible: loaded.isTypeAccessible },
      )
    ) {
      return { status: "not-found" };
    }
    await tx
      .update(appointments)
      .set({ status, updatedAt: now })
      .where(and(eq(appointments.personId, loaded.personId), eq(appointments.id, id), eq(appointments.authorProfessionalId, actor.professional.id)));
    await recordActivity(tx, {
      ...professionalActivityOf(actor, loaded.personId),
      action: "agenda.appointment-status-changed",
      target: { type: "appointment", id },
      at: now,
    });
    return { status: "changed", id };
  });
}
