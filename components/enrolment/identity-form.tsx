"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { type FormState, idleFormState } from "@/lib/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { IdentityFields, identityFieldLabels, vitaleSerialFieldLabel } from "./identity-fields";

type IdentityFormProps = { action: (state: FormState, formData: FormData) => Promise<FormState> };

export function IdentityForm({ action }: IdentityFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} noValidate className="mt-6 space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={[...identityFieldLabels, vitaleSerialFieldLabel]} />
      <FormMessage state={state} />
      <IdentityFields state={state} withVitaleSerial />
      <SubmitButton>Continuer</SubmitButton>
    </form>
  );
}
