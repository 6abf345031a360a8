"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { SelectField, type SelectOption } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { type FormAction, idleFormState } from "@/lib/form-state";

const FIELDS = [
  { name: "title", label: "Titre" },
  { name: "documentDate", label: "Date du document" },
  { name: "category", label: "Catégorie" },
];

type DocumentDetailsFormProps = {
  action: FormAction;
  documentId: string;
  /** As the form shows them: the date as JJ/MM/AAAA. */
  current: { title: string; documentDate: string; category: string };
  categoryOptions: SelectOption[];
  titleMaxLength: number;
};

/** Rename, re-date, re-categorise one's own upload. */
export function DocumentDetailsForm({ action, documentId, current, categoryOptions, titleMaxLength }: DocumentDetailsFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  const values = state.status === "error" ? { ...current, ...state.values } : current;
  return (
    <form action={formAction} noValidate className="mt-4 space-y-4">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={FIELDS} />
      <FormMessage state={state} />
      <input type="hidden" name="documentId" value={documentId} />
      {/* A key per answer: the fields take the values again after React resets the form. */}
      <div key={JSON.stringify(values)} className="space-y-4">
        <TextField name="title" label="Titre" hint={`${titleMaxLength} caractères au plus.`} defaultValue={values.title} error={state.fieldErrors?.title} required />
        <TextField
          name="documentDate"
          label="Date du document"
          hint="Format JJ/MM/AAAA, aujourd'hui au plus tard."
          inputMode="numeric"
          width="medium"
          defaultValue={values.documentDate}
          error={state.fieldErrors?.documentDate}
          required
        />
        <SelectField name="category" label="Catégorie" defaultValue={values.category} options={categoryOptions} error={state.fieldErrors?.category} required />
      </div>
      <SubmitButton>Enregistrer les modifications</SubmitButton>
    </form>
  );
}
