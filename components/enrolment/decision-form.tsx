"use client";

import { useActionState, useState, type FormEvent } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { type FormState, idleFormState } from "@/lib/form-state";
import { RadioGroup } from "@/components/forms/radio-group";
import { SubmitButton } from "@/components/forms/submit-button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { oppositionConsequence, oppositionQuestion } from "@/lib/enrolment/messages";

type DecisionFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  confirmOpposition: (state: FormState) => Promise<FormState>;
  hasOpposed: boolean;
};

export function DecisionForm({ action, confirmOpposition, hasOpposed }: DecisionFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  const [oppositionState, oppositionAction, isOppositionPending] = useActionState(confirmOpposition, idleFormState);
  const [decision, setDecision] = useState<string>("");
  const [isDialogOpen, setIsDialogOpen] = useState(false);

  function askBeforeOpposing(event: FormEvent<HTMLFormElement>) {
    if (decision === "oppose") {
      event.preventDefault();
      setIsDialogOpen(true);
    }
  }

  return (
    <>
      <form action={formAction} onSubmit={askBeforeOpposing} noValidate className="mt-6 space-y-6">
        <ErrorSummary fieldErrors={state.fieldErrors} fields={[{ name: "decision", label: "Mon choix" }]} />
        <FormMessage state={state.status === "error" ? state : oppositionState} />
        <RadioGroup
          name="decision"
          legend="Que souhaitez-vous faire ?"
          value={decision}
          onValueChange={setDecision}
          error={state.fieldErrors?.decision}
          required
          options={[
            {
              value: "activate",
              label: "J'active Mon espace santé",
              description: hasOpposed
                ? "Vous pouvez changer d'avis et y accéder dès maintenant en l'activant : j'ai la main sur ma santé, je gère mes informations et les partage en toute confidentialité et en toute sécurité."
                : "J'ai la main sur ma santé : je gère mes informations et les partage en toute confidentialité et en toute sécurité.",
            },
            {
              value: "oppose",
              label: "Je m'oppose à la création de Mon espace santé",
              description:
                "Je renonce aux avantages de Mon espace santé. Si je change d'avis, je peux à tout moment l'activer.",
            },
          ]}
        />
        <SubmitButton>Continuer</SubmitButton>
      </form>
      <form id="confirmer-opposition" action={oppositionAction} />
      <ConfirmDialog
        heading={oppositionQuestion}
        isOpen={isDialogOpen}
        onClose={() => setIsDialogOpen(false)}
        form="confirmer-opposition"
        isPending={isOppositionPending}
      >
        {oppositionConsequence}
      </ConfirmDialog>
    </>
  );
}
