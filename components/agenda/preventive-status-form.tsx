"use client";

import { useActionState } from "react";
import { Checkbox } from "@/components/forms/checkbox";
import { ErrorSummary } from "@/components/forms/error-summary";
import { RadioGroup } from "@/components/forms/radio-group";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { PREVENTIVE_STATUSES, PREVENTIVE_STATUS_LABELS } from "@/lib/agenda/preventive-calendar";
import { type FormAction, idleFormState } from "@/lib/form-state";

const SUMMARY_FIELDS = [
  { name: "status", label: "Statut" },
  { name: "doneOn", label: "Date de réalisation" },
  { name: "addToVaccinations", label: "Ajouter ce vaccin à mes vaccinations" },
];

type PreventiveStatusFormProps = {
  action: FormAction;
  itemCode: string;
  isVaccination: boolean;
  initialValues: Record<string, string>;
};

/** One item of the preventive calendar: its status, when it was done, and for a vaccination « Ajouter ce vaccin à mes vaccinations ». */
export function PreventiveStatusForm({ action, itemCode, isVaccination, initialValues }: PreventiveStatusFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  const values = state.values ?? initialValues;
  return (
    <form action={formAction} noValidate className="mt-6 space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={SUMMARY_FIELDS} />
      <input type="hidden" name="itemCode" value={itemCode} />
      <RadioGroup
        name="status"
        legend="Statut"
        options={PREVENTIVE_STATUSES.map((status) => ({ value: status, label: PREVENTIVE_STATUS_LABELS[status] }))}
        defaultValue={values.status}
        error={state.fieldErrors?.status}
      />
      <TextField
        name="doneOn"
        label="Date de réalisation"
        hint="Facultatif, avec le statut « Réalisé » : au format JJ/MM/AAAA, pas dans le futur."
        inputMode="numeric"
        autoComplete="off"
        width="short"
        defaultValue={values.doneOn ?? ""}
        error={state.fieldErrors?.doneOn}
      />
      {isVaccination ? (
        <Checkbox
          name="addToVaccinations"
          value="oui"
          label="Ajouter ce vaccin à mes vaccinations"
          hint="Avec le statut « Réalisé » : le vaccin est ajouté à la rubrique « Vaccinations » de votre profil médical."
          error={state.fieldErrors?.addToVaccinations}
        />
      ) : null}
      <SubmitButton>Enregistrer le statut</SubmitButton>
    </form>
  );
}
