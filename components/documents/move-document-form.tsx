"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SelectField, type SelectOption } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { type FormAction, idleFormState } from "@/lib/form-state";

type MoveDocumentFormProps = { action: FormAction; documentId: string; folderId: string | null; folderOptions: SelectOption[] };

/** Into one of the person's folders, or "Aucun dossier". */
export function MoveDocumentForm({ action, documentId, folderId, folderOptions }: MoveDocumentFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  const selected = state.status === "error" ? (state.values?.folderId ?? "") : (folderId ?? "");
  return (
    <form action={formAction} noValidate className="mt-4 space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="documentId" value={documentId} />
      <SelectField key={selected} name="folderId" id="dossier" label="Dossier" defaultValue={selected} options={folderOptions} error={state.fieldErrors?.folderId} />
      <SubmitButton variant="secondary">Déplacer</SubmitButton>
    </form>
  );
}
