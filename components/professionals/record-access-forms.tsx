"use client";

import { useActionState } from "react";
import { Checkbox } from "@/components/forms/checkbox";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/text-area-field";
import { type FormAction, type FormState, idleFormState } from "@/lib/form-state";
import { EMERGENCY_REASON_MAX_LENGTH, EMERGENCY_REASON_MIN_LENGTH } from "@/lib/professional-access/emergency-rules";

/** « Le patient m'a donné son accord » then « Accéder au dossier » (recordConsent on the server). */
export function ConsentForm({ action, personId }: { action: FormAction; personId: string }) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idleFormState);
  return (
    <form action={formAction} noValidate className="mt-4 space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={[{ name: "consent", label: "Le patient m'a donné son accord" }]} />
      <FormMessage state={state} />
      <input type="hidden" name="personId" value={personId} />
      <Checkbox
        name="consent"
        label="Le patient m'a donné son accord"
        hint="Vous confirmez que le patient, au cours de sa prise en charge, a accepté que vous accédiez à son dossier."
        error={state.fieldErrors?.consent}
      />
      <SubmitButton>Accéder au dossier</SubmitButton>
    </form>
  );
}

/** « Accès en urgence » with its « Motif » (openEmergencyAccess on the server: its words, its limits). */
export function EmergencyAccessForm({ action, personId }: { action: FormAction; personId: string }) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idleFormState);
  return (
    <form action={formAction} noValidate className="mt-4 space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={[{ name: "reason", label: "Motif" }]} />
      <FormMessage state={state} />
      <input type="hidden" name="personId" value={personId} />
      <TextAreaField
        name="reason"
        label="Motif"
        hint={`De ${EMERGENCY_REASON_MIN_LENGTH} à ${EMERGENCY_REASON_MAX_LENGTH} caractères. Le motif est conservé et le patient est prévenu.`}
        maxLength={EMERGENCY_REASON_MAX_LENGTH}
        defaultValue={state.values?.reason}
        error={state.fieldErrors?.reason}
        key={state.values?.reason ?? ""}
        required
      />
      <SubmitButton variant="secondary">Accès en urgence</SubmitButton>
    </form>
  );
}
