"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { type FormAction, idleFormState } from "@/lib/form-state";

/** "Ajouter à mes traitements" / "Ajouter à mes vaccinations" from a delivered medicine or vaccine. */
export function AddToProfileForm({ action, lineId, target, label }: { action: FormAction; lineId: string; target: "treatment" | "vaccination"; label: string }) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className="mt-2">
      <input type="hidden" name="lineId" value={lineId} />
      <input type="hidden" name="target" value={target} />
      <SubmitButton variant="secondary">{label}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
