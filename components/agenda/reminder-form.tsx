"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/text-area-field";
import { TextField } from "@/components/forms/text-field";
import { AGENDA_NOTE_MAX_LENGTH, REMINDER_TITLE_MAX_LENGTH } from "@/lib/agenda/form-limits";
import { type FormAction, idleFormState } from "@/lib/form-state";

const SUMMARY_FIELDS = [
  { name: "title", label: "Titre" },
  { name: "date", label: "Date" },
  { name: "note", label: "Note" },
];

/** « Ajouter un rappel »: a title and a day in the future, ten a day at most (reference §4.2). */
export function ReminderForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const values = state.values ?? {};
  return (
    <form action={formAction} noValidate className="mt-6 space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={SUMMARY_FIELDS} />
      <TextField name="title" label="Titre" maxLength={REMINDER_TITLE_MAX_LENGTH} hint={`${REMINDER_TITLE_MAX_LENGTH} caractères au maximum.`} defaultValue={values.title ?? ""} error={state.fieldErrors?.title} />
      <TextField name="date" label="Date" hint="Au format JJ/MM/AAAA, après aujourd'hui." inputMode="numeric" autoComplete="off" width="short" defaultValue={values.date ?? ""} error={state.fieldErrors?.date} />
      <TextAreaField name="note" label="Note" hint={`Facultatif, ${AGENDA_NOTE_MAX_LENGTH} caractères au maximum.`} maxLength={AGENDA_NOTE_MAX_LENGTH} defaultValue={values.note ?? ""} error={state.fieldErrors?.note} />
      <SubmitButton>Enregistrer le rappel</SubmitButton>
    </form>
  );
}
