"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { RadioGroup } from "@/components/forms/radio-group";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/text-area-field";
import { TextField } from "@/components/forms/text-field";
import {
  AGENDA_NOTE_MAX_LENGTH,
  APPOINTMENT_ADDRESS_MAX_LENGTH,
  APPOINTMENT_TITLE_MAX_LENGTH,
  APPOINTMENT_WITH_KINDS,
  APPOINTMENT_WITH_MAX_LENGTH,
} from "@/lib/agenda/form-limits";
import { type FormAction, idleFormState } from "@/lib/form-state";

const SUMMARY_FIELDS = [
  { name: "title", label: "Titre" },
  { name: "withKind", label: "Le rendez-vous est avec" },
  { name: "withName", label: "Avec qui" },
  { name: "date", label: "Date" },
  { name: "time", label: "Heure" },
  { name: "address", label: "Adresse" },
  { name: "note", label: "Note personnelle" },
];

type AppointmentFormProps = {
  action: FormAction;
  /** The appointment changed, or null for a new one. */
  id: string | null;
  initialValues: Record<string, string>;
};

/** « Ajouter un rendez-vous » and its change: the patient's own appointment (SPEC §6, §9). */
export function AppointmentForm({ action, id, initialValues }: AppointmentFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  const values = state.values ?? initialValues;
  return (
    <form action={formAction} noValidate className="mt-6 space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={SUMMARY_FIELDS} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <TextField name="title" label="Titre" hint={`Facultatif, ${APPOINTMENT_TITLE_MAX_LENGTH} caractères au maximum.`} maxLength={APPOINTMENT_TITLE_MAX_LENGTH} defaultValue={values.title ?? ""} error={state.fieldErrors?.title} />
      <RadioGroup
        name="withKind"
        legend="Le rendez-vous est avec"
        options={APPOINTMENT_WITH_KINDS.map((kind) => ({ value: kind.value, label: kind.label }))}
        defaultValue={values.withKind ?? "practitioner"}
        error={state.fieldErrors?.withKind}
      />
      <TextField
        name="withName"
        label="Avec qui"
        hint="Le nom du professionnel ou de l'établissement de santé."
        maxLength={APPOINTMENT_WITH_MAX_LENGTH}
        defaultValue={values.withName ?? ""}
        error={state.fieldErrors?.withName}
      />
      <TextField name="date" label="Date" hint="Au format JJ/MM/AAAA." inputMode="numeric" autoComplete="off" width="short" defaultValue={values.date ?? ""} error={state.fieldErrors?.date} />
      <TextField name="time" label="Heure" hint="Au format HH:MM, heure de Paris." inputMode="numeric" autoComplete="off" width="short" defaultValue={values.time ?? ""} error={state.fieldErrors?.time} />
      <TextField name="address" label="Adresse" hint="Facultatif." maxLength={APPOINTMENT_ADDRESS_MAX_LENGTH} defaultValue={values.address ?? ""} error={state.fieldErrors?.address} />
      <TextAreaField
        name="note"
        label="Note personnelle"
        hint={`Facultatif, ${AGENDA_NOTE_MAX_LENGTH} caractères au maximum. Elle n'est visible que dans votre agenda.`}
        maxLength={AGENDA_NOTE_MAX_LENGTH}
        defaultValue={values.note ?? ""}
        error={state.fieldErrors?.note}
      />
      <SubmitButton>Enregistrer le rendez-vous</SubmitButton>
    </form>
  );
}
