"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { type FormAction, type FormState, idleFormState } from "@/lib/form-state";

const fields = [
  { name: "nir", label: "Numéro de sécurité sociale" },
  { name: "birthDate", label: "Date de naissance" },
];

/** "Rechercher un patient": NIR (or matricule INS) and birth date; a hit opens the patient's page. */
export function PatientSearchForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idleFormState);
  return (
    <form action={formAction} noValidate className="mt-6 space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={fields} />
      <FormMessage state={state} />
      <TextField
        name="nir"
        label="Numéro de sécurité sociale"
        hint="15 caractères, clé comprise ; le matricule INS du patient convient aussi."
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        required
        defaultValue={state.values?.nir}
        error={state.fieldErrors?.nir}
        width="medium"
      />
      <TextField
        name="birthDate"
        label="Date de naissance"
        hint="Au format JJ/MM/AAAA."
        autoComplete="off"
        required
        defaultValue={state.values?.birthDate}
        error={state.fieldErrors?.birthDate}
        width="short"
      />
      <SubmitButton>Rechercher</SubmitButton>
    </form>
  );
}
