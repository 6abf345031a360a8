"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { RadioGroup } from "@/components/forms/radio-group";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/text-area-field";
import { TextField } from "@/components/forms/text-field";
import { DIRECTIVE_CHOICES, DIRECTIVE_TREATMENTS, DIRECTIVE_VARIANTS, type DirectiveTreatment, directiveLimits } from "@/lib/advance-directives/choices";
import { type FormAction, idleFormState } from "@/lib/form-state";

const variantOptions = Object.entries(DIRECTIVE_VARIANTS).map(([value, label]) => ({ value, label }));
const choiceOptions = Object.entries(DIRECTIVE_CHOICES).map(([value, label]) => ({ value, label }));
const treatments = Object.entries(DIRECTIVE_TREATMENTS) as [DirectiveTreatment, string][];

/** The online form of the two public models (lib/advance-directives/form.ts): its answers become the PDF. */
export function AdvanceDirectivesForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="mt-6 space-y-6">
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        fields={[
          { name: "variant", label: "Ma situation de santé" },
          { name: "situation", label: "Ma situation" },
          ...treatments.flatMap(([treatment, label]) => [
            { name: `${treatment}Choice`, label },
            { name: `${treatment}Precision`, label: `Précisions : ${label}` },
          ]),
          { name: "otherWishes", label: "Mes autres souhaits" },
          { name: "place", label: "Lieu de rédaction" },
        ]}
      />
      <FormMessage state={state} />
      <RadioGroup name="variant" legend="Ma situation de santé" options={variantOptions} defaultValue={values.variant} error={errors.variant} required />
      <TextAreaField
        name="situation"
        label="Ma situation"
        hint={`Obligatoire si vous êtes atteint d'une maladie grave : ce que vous vivez. ${directiveLimits.situation} caractères au plus.`}
        maxLength={directiveLimits.situation}
        defaultValue={values.situation}
        error={errors.situation}
      />
      {treatments.map(([treatment, label]) => (
        <div key={treatment} className="space-y-3 rounded border border-slate-300 p-4">
          <RadioGroup
            name={`${treatment}Choice`}
            legend={label}
            options={choiceOptions}
            defaultValue={values[`${treatment}Choice`]}
            error={errors[`${treatment}Choice`]}
            required
          />
          <TextAreaField
            name={`${treatment}Precision`}
            label={`Précisions : ${label}`}
            rows={2}
            maxLength={directiveLimits.precision}
            defaultValue={values[`${treatment}Precision`]}
            error={errors[`${treatment}Precision`]}
          />
        </div>
      ))}
      <TextAreaField name="otherWishes" label="Mes autres souhaits" maxLength={directiveLimits.otherWishes} defaultValue={values.otherWishes} error={errors.otherWishes} />
      <TextField name="place" label="Lieu de rédaction" maxLength={directiveLimits.place} defaultValue={values.place} error={errors.place} />
      <SubmitButton>Enregistrer mes directives anticipées</SubmitButton>
    </form>
  );
}
