"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { type FormState, idleFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";

type IdentityFormProps = { action: (state: FormState, formData: FormData) => Promise<FormState> };

const fields = [
  { name: "nir", label: "Numéro de sécurité sociale" },
  { name: "birthDate", label: "Date de naissance" },
  { name: "vitaleSerial", label: "Numéro de série de la carte Vitale" },
];

export function IdentityForm({ action }: IdentityFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} noValidate className="mt-6 space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={fields} />
      <FormMessage state={state} />
      <TextField
        name="nir"
        label="Numéro de sécurité sociale"
        hint="15 chiffres, clé comprise, tels qu'ils figurent sur votre carte Vitale. Exemple : 2 84 05 88 321 025 32"
        autoComplete="off"
        inputMode="text"
        spellCheck={false}
        required
        defaultValue={state.values?.nir}
        error={state.fieldErrors?.nir}
        width="medium"
      />
      <TextField
        name="birthDate"
        label="Date de naissance"
        hint="Au format JJ/MM/AAAA. Exemple : 03/02/1984"
        autoComplete="bday"
        inputMode="numeric"
        required
        defaultValue={state.values?.birthDate}
        error={state.fieldErrors?.birthDate}
        width="short"
      />
      <TextField
        name="vitaleSerial"
        label="Numéro de série de la carte Vitale"
        hint="De 8 à 13 chiffres, inscrits au dos de votre carte Vitale, en bas."
        autoComplete="off"
        inputMode="numeric"
        required
        defaultValue={state.values?.vitaleSerial}
        error={state.fieldErrors?.vitaleSerial}
        width="medium"
      />
      <SubmitButton>Continuer</SubmitButton>
    </form>
  );
}
