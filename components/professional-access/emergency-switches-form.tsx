"use client";

import { type ChangeEvent, useActionState, useState } from "react";
import { Checkbox } from "@/components/forms/checkbox";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { type FormAction, idleFormState } from "@/lib/form-state";

type Settings = { allowsEmergencyMedicalService: boolean; allowsOtherProfessionals: boolean; includesMaskedDocuments: boolean };

/**
 * The three emergency switches (SPEC §6, reference mes-data-model §6.3). "Documents masqués" can be
 * turned on only while "SAMU" or "Autres professionnels de santé" is on, and turning both off turns
 * it off; the server settles the same rule for a form sent without this script.
 */
export function EmergencySwitchesForm({ action, settings }: { action: FormAction; settings: Settings }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const [values, setValues] = useState(settings);
  const hasEmergencyAccess = values.allowsEmergencyMedicalService || values.allowsOtherProfessionals;
  const set = (key: keyof Settings) => (event: ChangeEvent<HTMLInputElement>) => {
    const next = { ...values, [key]: event.target.checked };
    if (!next.allowsEmergencyMedicalService && !next.allowsOtherProfessionals) next.includesMaskedDocuments = false;
    setValues(next);
  };
  return (
    <form action={formAction} className="mt-4 space-y-4">
      <FormMessage state={state} />
      <Checkbox
        name="allowsEmergencyMedicalService"
        id="switch-samu"
        role="switch"
        label="SAMU"
        hint="Les professionnels du SAMU (centre 15) peuvent consulter vos informations en cas d'urgence."
        checked={values.allowsEmergencyMedicalService}
        onChange={set("allowsEmergencyMedicalService")}
      />
      <Checkbox
        name="allowsOtherProfessionals"
        id="switch-other-professionals"
        role="switch"
        label="Autres professionnels de santé"
        hint="En cas d'urgence, si vous êtes hors d'état de donner votre accord, tout professionnel de santé peut consulter vos informations."
        checked={values.allowsOtherProfessionals}
        onChange={set("allowsOtherProfessionals")}
      />
      <Checkbox
        name="includesMaskedDocuments"
        id="switch-masked-documents"
        role="switch"
        label="Documents masqués"
        hint={
          hasEmergencyAccess
            ? "Un accès en urgence inclut aussi les documents que vous avez masqués aux professionnels."
            : "Disponible seulement si l'accès du SAMU ou des autres professionnels de santé est activé."
        }
        checked={values.includesMaskedDocuments}
        disabled={!hasEmergencyAccess}
        onChange={set("includesMaskedDocuments")}
      />
      <SubmitButton variant="secondary">Enregistrer les accès en cas d&apos;urgence</SubmitButton>
    </form>
  );
}
