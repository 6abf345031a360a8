"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { type FormAction, idleFormState } from "@/lib/form-state";

type MeasurementTargetFormProps = {
  action: FormAction;
  slug: string;
  unit: string;
  /** The target as people type it ("60", "6,5"), or "" when there is none. */
  currentTarget: string;
  hint: string;
};

/** "Objectif" and "Enregistrer l'objectif": sets or changes the measure's personal target. */
export function MeasurementTargetForm({ action, slug, unit, currentTarget, hint }: MeasurementTargetFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} noValidate className="mt-3 space-y-4">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={[{ name: "target", label: "Objectif" }]} />
      <input type="hidden" name="type" value={slug} />
      <TextField
        name="target"
        label="Objectif"
        inputMode="decimal"
        autoComplete="off"
        width="short"
        suffix={unit}
        hint={hint}
        defaultValue={state.values?.target ?? currentTarget}
        error={state.fieldErrors?.target}
      />
      <SubmitButton>Enregistrer l&apos;objectif</SubmitButton>
    </form>
  );
}
