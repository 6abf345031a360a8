"use client";

import { useActionState } from "react";
import { Checkbox } from "@/components/forms/checkbox";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { type FormAction, idleFormState } from "@/lib/form-state";

export type PurposeChoice = { fieldName: string; label: string; area: string };

type PurposesFormProps = {
  action: FormAction;
  /** Hidden fields sent with the choice: the service's id, or the service's authorisation request. */
  fields: Record<string, string>;
  purposes: PurposeChoice[];
  /** The field names ticked at first. */
  checked: string[];
  legend: string;
  submitLabel: string;
  /** A second button in the same row (the consent page's "Refuser"), outside this form. */
  children?: React.ReactNode;
};

/**
 * The purposes a service asks for, one checkbox each (reference mes-data-model §5.2: consent per
 * purpose), and the button that grants those ticked. Without JavaScript it works the same.
 */
export function PurposesForm({ action, fields, purposes, checked, legend, submitLabel, children }: PurposesFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <div className="mt-4">
      <form action={formAction} className="space-y-4">
        <FormMessage state={state} />
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <fieldset>
          <legend className="font-semibold text-slate-900">{legend}</legend>
          <div className="mt-2 space-y-1">
            {purposes.map((purpose) => (
              <Checkbox
                key={purpose.fieldName}
                name={purpose.fieldName}
                id={purpose.fieldName.replace(":", "-")}
                value="oui"
                label={purpose.label}
                hint={purpose.area}
                defaultChecked={checked.includes(purpose.fieldName)}
              />
            ))}
          </div>
        </fieldset>
        <SubmitButton>{submitLabel}</SubmitButton>
      </form>
      {children}
    </div>
  );
}
