"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { Alert } from "@/components/ui/alert";
import { type FormAction, idleFormState } from "@/lib/form-state";

/**
 * The private subscription address: made (or renewed, which ends the previous one) on request,
 * shown once, since only its hash is kept.
 */
export function CalendarFeedForm({ action, hasFeed }: { action: FormAction; hasFeed: boolean }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const address = state.status === "success" ? state.values?.address : undefined;
  return (
    <form action={formAction} className="mt-4 space-y-4">
      {address ? (
        <>
          <Alert variant="success" role="status">
            Votre nouvelle adresse d&apos;abonnement est prête. Copiez-la maintenant dans l&apos;application d&apos;agenda de votre téléphone : elle ne sera plus affichée.
            {hasFeed ? " L'adresse précédente ne fonctionne plus." : ""}
          </Alert>
          <TextField name="address" label="Adresse d'abonnement" readOnly value={address} />
        </>
      ) : null}
      <SubmitButton variant="secondary">{hasFeed || address ? "Renouveler l'adresse d'abonnement" : "Créer mon adresse d'abonnement"}</SubmitButton>
    </form>
  );
}
