"use client";

import { useActionState, useState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { type FormState, idleFormState } from "@/lib/form-state";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { SubmitButton } from "@/components/forms/submit-button";
import { useAnswerReset } from "@/components/forms/use-answer-reset";

const fields = [
  { name: "password", label: "Nouveau mot de passe" },
  { name: "passwordConfirmation", label: "Confirmer le mot de passe" },
];

/** A new password under the activation rules, shown as a live checklist before typing. */
export function NewPasswordForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  useAnswerReset(state, () => {
    setPassword("");
    setConfirmation("");
  });
  return (
    <form action={formAction} noValidate className="mt-6 space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={fields} />
      <FormMessage state={state} />
      <NewPasswordFields
        label="Nouveau mot de passe"
        password={password}
        onPasswordChange={setPassword}
        confirmation={confirmation}
        onConfirmationChange={setConfirmation}
        fieldErrors={state.fieldErrors}
      />
      <SubmitButton>Changer mon mot de passe</SubmitButton>
    </form>
  );
}
