"use client";

import { useActionState, useState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { SelectField, type SelectOption } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { buttonClassName } from "@/components/ui/button";
import { type FormAction, idleFormState } from "@/lib/form-state";

type SaveAttachmentFormProps = {
  action: FormAction;
  conversationId: string;
  attachmentId: string;
  fileName: string;
  /** Prefilled: the file's name and the message's date (JJ/MM/AAAA). */
  initial: { title: string; date: string };
  titleMaxLength: number;
  categoryOptions: SelectOption[];
  folderOptions: SelectOption[];
};

/**
 * « Ajouter à mes documents » on an attachment: the button opens the document's details (title,
 * date, category, folder), then files a copy into Documents.
 */
export function SaveAttachmentForm({ action, conversationId, attachmentId, fileName, initial, titleMaxLength, categoryOptions, folderOptions }: SaveAttachmentFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  const [isOpen, setIsOpen] = useState(false);
  const prefix = `pj-${attachmentId}`;
  if (state.status === "success") return <FormMessage state={state} />;
  if (!isOpen) {
    return (
      <button type="button" onClick={() => setIsOpen(true)} aria-label={`Ajouter à mes documents : ${fileName}`} className={`mt-2 ${buttonClassName({ variant: "secondary" })}`}>
        Ajouter à mes documents
      </button>
    );
  }
  const values = { titre: initial.title, date: initial.date, categorie: "", dossier: "", ...state.values };
  return (
    <form action={formAction} noValidate aria-label={`Ajouter ${fileName} à mes documents`} className="mt-3 space-y-4 rounded border border-slate-300 p-4">
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        fields={[
          { name: "titre", label: "Titre", id: `${prefix}-titre` },
          { name: "date", label: "Date du document", id: `${prefix}-date` },
          { name: "categorie", label: "Catégorie", id: `${prefix}-categorie` },
          { name: "dossier", label: "Dossier", id: `${prefix}-dossier` },
        ]}
      />
      {state.fieldErrors ? null : <FormMessage state={state} />}
      <input type="hidden" name="conversation" value={conversationId} />
      <input type="hidden" name="piece-jointe" value={attachmentId} />
      <div key={JSON.stringify(values)} className="space-y-4">
        <TextField
          id={`${prefix}-titre`}
          name="titre"
          label="Titre"
          hint={`${titleMaxLength} caractères au maximum.`}
          maxLength={titleMaxLength}
          defaultValue={values.titre}
          error={state.fieldErrors?.titre}
          required
        />
        <TextField
          id={`${prefix}-date`}
          name="date"
          label="Date du document"
          hint="Format JJ/MM/AAAA"
          inputMode="numeric"
          width="medium"
          defaultValue={values.date}
          error={state.fieldErrors?.date}
          required
        />
        <SelectField
          id={`${prefix}-categorie`}
          name="categorie"
          label="Catégorie"
          options={[{ value: "", label: "Choisissez une catégorie" }, ...categoryOptions]}
          defaultValue={values.categorie}
          error={state.fieldErrors?.categorie}
          required
        />
        <SelectField
          id={`${prefix}-dossier`}
          name="dossier"
          label="Dossier"
          hint="Facultatif"
          options={[{ value: "", label: "Aucun dossier" }, ...folderOptions]}
          defaultValue={values.dossier}
          error={state.fieldErrors?.dossier}
        />
      </div>
      <SubmitButton>Ajouter à mes documents</SubmitButton>
    </form>
  );
}
