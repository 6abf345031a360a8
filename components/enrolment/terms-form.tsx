"use client";

import { Link } from "@/components/ui/link";
import { useActionState } from "react";
import { Checkbox } from "@/components/forms/checkbox";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { type FormState, idleFormState } from "@/lib/form-state";
import { SubmitButton } from "@/components/forms/submit-button";

type TermsFormProps = { action: (state: FormState, formData: FormData) => Promise<FormState> };

export function TermsForm({ action }: TermsFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} noValidate className="mt-6 space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={[{ name: "accepted", label: "Conditions" }]} />
      <FormMessage state={state} />
      <Checkbox
        name="accepted"
        required
        error={state.fieldErrors?.accepted}
        label={
          <>
            J&apos;accepte les{" "}
            <Link className="text-brand-700 underline" href="/conditions-generales" target="_blank">
              Conditions Générales d&apos;Utilisation
            </Link>{" "}
            et la{" "}
            <Link className="text-brand-700 underline" href="/protection-des-donnees" target="_blank">
              Politique de protection des données personnelles
            </Link>
          </>
        }
        hint="Les deux documents s'ouvrent dans un nouvel onglet."
      />
      <SubmitButton>Continuer</SubmitButton>
    </form>
  );
}
