"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { type FormState, idleFormState } from "@/lib/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { IdentityFields, identityFieldLabels } from "./identity-fields";

type CodeFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Without a flow in progress the person says who they are along with the code. */
  asksIdentity: boolean;
};

export function CodeForm({ action, asksIdentity }: CodeFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  const fields = [...(asksIdentity ? identityFieldLabels : []), { name: "code", label: "Code provisoire" }];
  return (
    <form action={formAction} noValidate className="mt-6 space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={fields} />
      <FormMessage state={state} />
      {asksIdentity ? <IdentityFields state={state} withVitaleSerial={false} /> : null}
      <TextField
        name="code"
        label="Code provisoire"
        hint="8 caractères, lettres et chiffres, tels qu'indiqués dans votre e-mail, SMS ou courrier. Exemple : K7QW-3MZP"
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        required
        error={state.fieldErrors?.code}
        width="short"
      />
      <SubmitButton>Valider</SubmitButton>
    </form>
  );
}
