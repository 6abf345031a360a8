"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { type FormAction, idleFormState } from "@/lib/form-state";
import { BLOOD_GROUPS } from "@/lib/medical-profile/entries";

/** The one choice of "Groupe sanguin"; "Non renseigné" removes it. */
export function BloodGroupForm({ current, back, action }: { current: string; back: "profil" | "completer"; action: FormAction }) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} noValidate className="mt-6 space-y-6">
      <input type="hidden" name="retour" value={back} />
      <ErrorSummary fieldErrors={state.fieldErrors} fields={[{ name: "bloodGroup", label: "Groupe sanguin" }]} />
      <FormMessage state={state} />
      <SelectField
        name="bloodGroup"
        label="Groupe sanguin"
        defaultValue={state.values?.bloodGroup ?? current}
        error={state.fieldErrors?.bloodGroup}
        options={[{ value: "", label: "Non renseigné" }, ...BLOOD_GROUPS]}
      />
      <SubmitButton>Enregistrer</SubmitButton>
    </form>
  );
}
