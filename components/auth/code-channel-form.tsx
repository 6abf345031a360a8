"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { RadioGroup, type RadioOption } from "@/components/forms/radio-group";
import { SubmitButton } from "@/components/forms/submit-button";
import type { AuthFormAction, AuthFormState } from "@/lib/form-state";
import { LockedNotice } from "./locked-notice";

type CodeChannelFormProps = {
  action: AuthFormAction;
  /** The masked contacts on file: "Par e-mail" and/or "Par SMS". */
  email: string | null;
  mobile: string | null;
  callbackUrl?: string;
};

const idle: AuthFormState = { status: "idle" };

/** "Par e-mail" or "Par SMS": where the one-time code goes, among the contacts on file (masked). */
export function CodeChannelForm({ action, email, mobile, callbackUrl }: CodeChannelFormProps) {
  const [state, formAction] = useActionState(action, idle);
  const options: RadioOption[] = [];
  if (email) options.push({ value: "email", label: "Par e-mail", description: email });
  if (mobile) options.push({ value: "sms", label: "Par SMS", description: mobile });
  if (state.lockedUntil) return <div className="mt-6"><LockedNotice lockedUntil={state.lockedUntil} role="alert" /></div>;
  return (
    <form action={formAction} noValidate className="mt-6 space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={[{ name: "channel", label: "Recevoir le code" }]} />
      <FormMessage state={state} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <RadioGroup
        name="channel"
        legend="Recevoir le code :"
        options={options}
        defaultValue={options.length === 1 ? options[0]?.value : undefined}
        error={state.fieldErrors?.channel}
        required
      />
      <SubmitButton>Recevoir mon code</SubmitButton>
    </form>
  );
}
