"use client";

import { useActionState } from "react";
import { Checkbox } from "@/components/forms/checkbox";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { type FormAction, idleFormState } from "@/lib/form-state";

/** The default for documents added from now on (document_settings). */
export function DefaultVisibilityForm({ action, isHiddenByDefault }: { action: FormAction; isHiddenByDefault: boolean }) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className="mt-4 space-y-4">
      <FormMessage state={state} />
      <Checkbox
        key={String(isHiddenByDefault)}
        name="hideNewDocuments"
        label="Masquer aux professionnels de santé les documents que j'ajouterai"
        hint="Vous pourrez toujours rendre visible chaque document, un par un."
        defaultChecked={isHiddenByDefault}
      />
      <SubmitButton variant="secondary">Enregistrer ce choix</SubmitButton>
    </form>
  );
}
