"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { type FormAction, idleFormState } from "@/lib/form-state";

const IDENTIFIER_FIELD = { name: "identifier", label: "Identifiant" };
const RPPS_FIELD = { name: "rpps", label: "Numéro RPPS" };

/**
 * /pro « Identifiant oublié ? » (the RPPS) and « Mot de passe oublié ? » (the identifier and the
 * RPPS): what a professional types to prove which account is theirs, the patients' Vitale card
 * standing for nothing here.
 */
export function ProfessionalRecoveryForm({ action, withIdentifier }: { action: FormAction; withIdentifier: boolean }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const fields = withIdentifier ? [IDENTIFIER_FIELD, RPPS_FIELD] : [RPPS_FIELD];
  return (
    <form action={formAction} noValidate className="mt-6 space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={fields} />
      <FormMessage state={state} />
      {withIdentifier ? (
        <TextField
          name="identifier"
          label="Identifiant"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={state.values?.identifier}
          error={state.fieldErrors?.identifier}
          width="medium"
        />
      ) : null}
      <TextField
        name="rpps"
        label="Numéro RPPS"
        hint="11 chiffres, inscrits sur votre carte CPS ou e-CPS."
        inputMode="numeric"
        autoComplete="off"
        required
        defaultValue={state.values?.rpps}
        error={state.fieldErrors?.rpps}
        width="medium"
      />
      <SubmitButton>Continuer</SubmitButton>
    </form>
  );
}
