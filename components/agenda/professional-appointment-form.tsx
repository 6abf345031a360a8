"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { APPOINTMENT_ADDRESS_MAX_LENGTH, APPOINTMENT_STATUSES, APPOINTMENT_STATUS_LABELS, APPOINTMENT_TITLE_MAX_LENGTH } from "@/lib/agenda/form-limits";
import { type FormAction, idleFormState } from "@/lib/form-state";

const SUMMARY_FIELDS = [
  { name: "title", label: "Titre" },
  { name: "date", label: "Date" },
  { name: "time", label: "Heure" },
  { name: "address", label: "Adresse" },
  { name: "status", label: "Statut" },
];

const STATUS_OPTIONS = APPOINTMENT_STATUSES.map((status) => ({ value: status, label: APPOINTMENT_STATUS_LABELS[status] }));

/** A professional's « Ajouter un rendez-vous » on a patient's record: with them, with its status. */
export function ProfessionalAppointmentForm({ action, personId }: { action: FormAction; personId: string }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const values = state.values ?? {};
  return (
    <form action={formAction} noValidate className="mt-6 space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={SUMMARY_FIELDS} />
      {state.message ? <p role="alert" className="font-semibold text-danger-700">{state.message}</p> : null}
      <input type="hidden" name="personId" value={personId} />
      <TextField name="title" label="Titre" hint={`Facultatif, ${APPOINTMENT_TITLE_MAX_LENGTH} caractères au maximum.`} maxLength={APPOINTMENT_TITLE_MAX_LENGTH} defaultValue={values.title ?? ""} error={state.fieldErrors?.title} />
      <TextField name="date" label="Date" hint="Au format JJ/MM/AAAA." inputMode="numeric" autoComplete="off" width="short" defaultValue={values.date ?? ""} error={state.fieldErrors?.date} />
      <TextField name="time" label="Heure" hint="Au format HH:MM, heure de Paris." inputMode="numeric" autoComplete="off" width="short" defaultValue={values.time ?? ""} error={state.fieldErrors?.time} />
      <TextField name="address" label="Adresse" hint="Facultatif." maxLength={APPOINTMENT_ADDRESS_MAX_LENGTH} defaultValue={values.address ?? ""} error={state.fieldErrors?.address} />
      <SelectField name="status" label="Statut" options={STATUS_OPTIONS} defaultValue={values.status ?? "booked"} error={state.fieldErrors?.status} />
      <SubmitButton>Enregistrer le rendez-vous</SubmitButton>
    </form>
  );
}
