"use server";

import { notFound, redirect } from "next/navigation";
import { requireProfessional } from "@/lib/access/current-actor";
import { addProfessionalAppointment, changeAppointmentStatus } from "@/lib/agenda/appointments";
import { PRO_APPOINTMENT_ADDED_STATUS, PRO_APPOINTMENT_STATUS_CHANGED_STATUS } from "@/lib/agenda/paths";
import type { FormState } from "@/lib/form-state";
import { recordConsent } from "@/lib/professional-access/consent";
import { openEmergencyAccess } from "@/lib/professional-access/emergency";
import { proPatientPath } from "@/lib/professional-access/paths";
import { consentFormSchema, patientFieldSchema } from "@/lib/professional-access/record-forms";
import { fieldErrorsOf, formFields, submittedForm } from "@/lib/validation";

const BLOCKED_MESSAGE = "Le patient vous a bloqué : vous ne pouvez pas accéder à son dossier.";

/** « Accéder au dossier »: the professional records that the patient agreed (recordConsent), then reads the record. */
export async function recordConsentAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const actor = await requireProfessional();
  const formData = submittedForm(submitted);
  const parsed = consentFormSchema.safeParse({ personId: formData.get("personId") ?? undefined, consent: formData.get("consent") ?? undefined });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    if (fieldErrors.personId) notFound();
    return { status: "error", fieldErrors };
  }
  const result = await recordConsent({ actor, personId: parsed.data.personId, now: new Date() });
  switch (result.status) {
    case "not-found":
      notFound();
    case "blocked":
      return { status: "error", message: BLOCKED_MESSAGE };
    case "recorded":
      redirect(proPatientPath(parsed.data.personId));
  }
}

/** « Accès en urgence »: a typed « Motif », then the record for the emergency's duration (openEmergencyAccess). */
export async function openEmergencyAccessAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const actor = await requireProfessional();
  const formData = submittedForm(submitted);
  const parsed = patientFieldSchema.safeParse({ personId: formData.get("personId") ?? undefined });
  if (!parsed.success) notFound();
  const reason = formData.get("reason");
  const values = { reason: typeof reason === "string" ? reason : "" };
  const result = await openEmergencyAccess({ actor, personId: parsed.data.personId, values: { reason: reason ?? undefined }, now: new Date() });
  switch (result.status) {
    case "invalid":
      return { status: "error", fieldErrors: { reason: result.errors.reason ? [result.errors.reason] : undefined }, values };
    case "not-found":
      notFound();
    case "blocked":
      return { status: "error", message: BLOCKED_MESSAGE, values };
    case "refused-by-patient":
      return { status: "error", message: "Le patient a refusé l'accès en urgence à son dossier pour votre profession.", values };
    case "opened":
      redirect(proPatientPath(parsed.data.personId));
  }
}

const APPOINTMENT_FIELDS = ["title", "date", "time", "address", "status"] as const;

/** « Ajouter un rendez-vous » to the patient's agenda, with this professional and its status (addProfessionalAppointment decides who may). */
export async function addProfessionalAppointmentAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const actor = await requireProfessional();
  const fields = formFields(submittedForm(submitted));
  const parsedPatient = patientFieldSchema.safeParse({ personId: fields.personId });
  if (!parsedPatient.success) notFound();
  const { personId } = parsedPatient.data;
  const result = await addProfessionalAppointment({ actor, personId, values: fields, now: new Date() });
  switch (result.status) {
    case "not-found":
      notFound();
    case "invalid":
      return {
        status: "error",
        fieldErrors: result.fieldErrors,
        values: Object.fromEntries(APPOINTMENT_FIELDS.flatMap((name) => (fields[name] === undefined ? [] : [[name, fields[name]]]))),
      };
    case "added":
      redirect(`${proPatientPath(personId)}?statut=${PRO_APPOINTMENT_ADDED_STATUS}`);
  }
}

/**
 * « Enregistrer le statut » of an appointment this professional added to the patient's agenda
 * (changeAppointmentStatus decides who may: its author only, otherwise it is not found).
 */
/**
 * Posted from the patient's record, which a professional with access would open again if the
 * action threw notFound() (Next.js renders the page around its not-found boundary, recording a
 * « Consultation du dossier »): someone else's appointment is answered in the form instead.
 */
const APPOINTMENT_NOT_FOUND: FormState = { status: "error", message: "Ce rendez-vous n'existe pas ou vous ne pouvez pas en changer le statut." };

export async function changeAppointmentStatusAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const actor = await requireProfessional();
  const fields = formFields(submittedForm(submitted));
  const parsedPatient = patientFieldSchema.safeParse({ personId: fields.personId });
  if (!parsedPatient.success) return APPOINTMENT_NOT_FOUND;
  const { personId } = parsedPatient.data;
  const result = await changeAppointmentStatus({ actor, personId, values: { id: fields.id, status: fields.status }, now: new Date() });
  switch (result.status) {
    case "not-found":
      return APPOINTMENT_NOT_FOUND;
    case "invalid":
      return { status: "error", fieldErrors: result.fieldErrors };
    case "changed":
      redirect(`${proPatientPath(personId)}?statut=${PRO_APPOINTMENT_STATUS_CHANGED_STATUS}`);
  }
}
