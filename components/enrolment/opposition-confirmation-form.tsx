"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { type FormState, idleFormState } from "@/lib/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { ButtonLink } from "@/components/ui/button";

type OppositionConfirmationFormProps = { action: (state: FormState) => Promise<FormState> };

/** The same question as the dialog, as a page: reached when JavaScript did not open the dialog. */
export function OppositionConfirmationForm({ action }: OppositionConfirmationFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className="mt-6 space-y-6">
      <FormMessage state={state} />
      <div className="flex flex-col gap-3 sm:flex-row">
        <ButtonLink href="/activation/choix" variant="secondary">
          Annuler
        </ButtonLink>
        <SubmitButton>Continuer</SubmitButton>
      </div>
    </form>
  );
}
