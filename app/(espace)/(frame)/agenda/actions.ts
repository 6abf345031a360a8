"use server";

import { notFound, redirect } from "next/navigation";
import { requireActor } from "@/lib/access/current-actor";
import { deleteAppointment, saveAppointment } from "@/lib/agenda/appointments";
import { renewCalendarFeed } from "@/lib/agenda/feeds";
import { AGENDA_PATH, PREVENTION_PATH, appointmentPath, calendarFeedPath } from "@/lib/agenda/paths";
import { FEED_SUFFIX } from "@/lib/agenda/feeds";
import { setPreventiveStatus } from "@/lib/agenda/preventive";
import { addReminder, deleteReminder } from "@/lib/agenda/reminders";
import { appUrl } from "@/lib/delivery/message-blocks";
import type { FormState } from "@/lib/form-state";
import { formFields, submittedForm } from "@/lib/validation";

/** The typed fields, returned to refill the form after an error. */
function typedValues(fields: Record<string, string | undefined>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((name) => (fields[name] === undefined ? [] : [[name, fields[name]]])));
}

const APPOINTMENT_FIELDS = ["title", "withKind", "withName", "date", "time", "address", "note"] as const;

/** « Enregistrer le rendez-vous »: adds one, or changes the patient's own (`id`); a professional's is read-only. */
export async function saveAppointmentAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const actor = await requireActor();
  const fields = formFields(submittedForm(submitted));
  const id = fields.id ?? null;
  const result = await saveAppointment({ actor, id, values: fields, now: new Date() });
  switch (result.status) {
    case "invalid":
      return { status: "error", fieldErrors: result.fieldErrors, values: typedValues(fields, APPOINTMENT_FIELDS) };
    case "saved":
      redirect(`${appointmentPath(result.id)}?statut=${id === null ? "ajoute" : "modifie"}`);
    default:
      notFound();
  }
}

/** « Supprimer le rendez-vous »: the patient's own only. */
export async function deleteAppointmentAction(submitted: unknown): Promise<void> {
  const actor = await requireActor();
  const id = formFields(submittedForm(submitted)).id ?? "";
  const result = await deleteAppointment({ actor, id, now: new Date() });
  if (result.status !== "deleted") notFound();
  redirect(`${AGENDA_PATH}?statut=rendez-vous-supprime`);
}

const REMINDER_FIELDS = ["title", "date", "note"] as const;

/** « Enregistrer le rappel ». */
export async function addReminderAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const actor = await requireActor();
  const fields = formFields(submittedForm(submitted));
  const result = await addReminder({ actor, values: fields, now: new Date() });
  if (result.status === "invalid") return { status: "error", fieldErrors: result.fieldErrors, values: typedValues(fields, REMINDER_FIELDS) };
  if (result.status !== "added") notFound();
  redirect(`${AGENDA_PATH}?statut=rappel-ajoute#rappels`);
}

/** « Supprimer » a reminder. */
export async function deleteReminderAction(submitted: unknown): Promise<void> {
  const actor = await requireActor();
  const id = formFields(submittedForm(submitted)).id ?? "";
  const result = await deleteReminder({ actor, id, now: new Date() });
  if (result.status !== "deleted") notFound();
  redirect(`${AGENDA_PATH}?statut=rappel-supprime#rappels`);
}

/** « Enregistrer le statut » of an item of the preventive calendar. */
export async function setPreventiveStatusAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const actor = await requireActor();
  const fields = formFields(submittedForm(submitted));
  const result = await setPreventiveStatus({ actor, values: fields, now: new Date() });
  if (result.status === "invalid") return { status: "error", fieldErrors: result.fieldErrors, values: typedValues(fields, ["status", "doneOn"]) };
  if (result.status !== "saved") notFound();
  redirect(`${PREVENTION_PATH}?statut=${result.vaccinationId ? "vaccin-ajoute" : "statut-enregistre"}`);
}

/** « Créer mon adresse d'abonnement » / « Renouveler l'adresse d'abonnement »: the new address, shown once. */
export async function renewCalendarFeedAction(_previous: FormState, _submitted: unknown): Promise<FormState> {
  const actor = await requireActor();
  const { token } = await renewCalendarFeed({ actor, now: new Date() });
  return { status: "success", values: { address: appUrl(calendarFeedPath(`${token}${FEED_SUFFIX}`)) } };
}
