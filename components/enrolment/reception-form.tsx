"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { type FormState, idleFormState } from "@/lib/form-state";
import { RadioGroup, type RadioOption } from "@/components/forms/radio-group";
import { SubmitButton } from "@/components/forms/submit-button";

type ReceptionFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  options: RadioOption[];
};

export function ReceptionForm({ action, options }: ReceptionFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} noValidate className="mt-6 space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={[{ name: "channel", label: "Mon mode de réception" }]} />
      <FormMessage state={state} />
      <RadioGroup
        name="channel"
        legend="Mon mode de réception :"
        options={options}
        defaultValue={options.length === 1 ? options[0]?.value : undefined}
        error={state.fieldErrors?.channel}
        required
      />
      <SubmitButton>Recevoir mon code provisoire</SubmitButton>
    </form>
  );
}
