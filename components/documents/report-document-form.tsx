"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/text-area-field";
import { type FormAction, idleFormState } from "@/lib/form-state";

type ReportDocumentFormProps = { action: FormAction; documentId: string; reasonMaxLength: number };

/** "Signaler un problème": what is wrong, in the person's words; shown until the document is reported. */
export function ReportDocumentForm({ action, documentId, reasonMaxLength }: ReportDocumentFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} noValidate className="mt-4 space-y-4">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={[{ name: "reason", label: "Décrivez le problème" }]} />
      <FormMessage state={state} />
      <input type="hidden" name="documentId" value={documentId} />
      <TextAreaField
        key={state.values?.reason ?? ""}
        name="reason"
        label="Décrivez le problème"
        hint={`Par exemple : le document n'est pas le mien, il est illisible, une information est fausse (${reasonMaxLength} caractères au plus). Un problème peut être signalé une fois par document.`}
        defaultValue={state.values?.reason ?? ""}
        error={state.fieldErrors?.reason}
        required
      />
      <SubmitButton variant="secondary">Signaler un problème</SubmitButton>
    </form>
  );
}
