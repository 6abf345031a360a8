"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import type { AuthFormAction, AuthFormState } from "@/lib/form-state";
import { LockedNotice } from "./locked-notice";

type CodeEntryFormProps = {
  action: AuthFormAction;
  /** The field's accessible name: "Code de connexion" at login, "Code de vérification" for a reset. */
  label: string;
  callbackUrl?: string;
};

const idle: AuthFormState = { status: "idle" };

/** The six-digit one-time code, then "Valider". */
export function CodeEntryForm({ action, label, callbackUrl }: CodeEntryFormProps) {
  const [state, formAction] = useActionState(action, idle);
  if (state.lockedUntil) return <div className="mt-6"><LockedNotice lockedUntil={state.lockedUntil} role="alert" /></div>;
  return (
    <form action={formAction} noValidate className="mt-6 space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={[{ name: "code", label }]} />
      <FormMessage state={state} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <TextField
        name="code"
        label={label}
        hint="6 chiffres, tels qu'indiqués dans le message reçu. Exemple : 482913"
        autoComplete="one-time-code"
        inputMode="numeric"
        spellCheck={false}
        required
        error={state.fieldErrors?.code}
        width="short"
      />
      <SubmitButton>Valider</SubmitButton>
    </form>
  );
}
