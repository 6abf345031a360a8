"use client";

import { ErrorSummary } from "@/components/forms/error-summary";
import { FieldError, FieldHint, getFieldIds, hasErrors, joinIds } from "@/components/forms/field-parts";
import { FormMessage } from "@/components/forms/form-message";
import { SelectField, type SelectOption } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { buttonClassName } from "@/components/ui/button";
import { useMultipartUpload } from "@/components/forms/use-multipart-upload";

export type UploadFieldNames = { file: string; title: string; date: string; category: string; folder?: string };

/**
 * A document's details asked with its file ("Ajouter un document"); without them the form sends the file alone.
 * A professional's deposit (/pro) names its category "Type de document" and has no folder.
 */
export type UploadDetails = {
  fields: Omit<UploadFieldNames, "file">;
  titleMaxLength: number;
  categoryLabel?: string;
  categoryPlaceholder?: string;
  categoryOptions: SelectOption[];
  folderOptions?: SelectOption[];
};

type UploadFormProps = {
  action: string;
  fileField: string;
  accept: string;
  fileHint: string;
  details?: UploadDetails;
  submitLabel?: string;
  /** Shown when the JavaScript-less post came back with an error. */
  initialMessage?: string;
  /** Sent with the form as they are (the patient a professional deposits for). */
  hiddenFields?: Record<string, string>;
};


/**
 * "Ajouter un document", posted by useMultipartUpload: its progress in a progress bar with
 * JavaScript, a plain multipart post without.
 */
export function UploadForm({
  action,
  fileField,
  accept,
  fileHint,
  details,
  submitLabel = "Ajouter le document",
  initialMessage,
  hiddenFields,
}: UploadFormProps) {
  const { state, progress, submit } = useMultipartUpload({ action, initialMessage, failureMessage: "Le document n'a pas été ajouté." });
  const fieldErrors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const file = getFieldIds(fileField);
  const isFileInvalid = hasErrors(fieldErrors[fileField]);
  const fields = details?.fields;
  const categoryLabel = details?.categoryLabel ?? "Catégorie";

  const isUploading = progress !== null;
  return (
    <form action={action} method="post" encType="multipart/form-data" onSubmit={submit} noValidate className="mt-6 space-y-6">
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        fields={[
          { name: fileField, label: "Fichier" },
          ...(fields
            ? [
                { name: fields.title, label: "Titre" },
                { name: fields.date, label: "Date du document" },
                { name: fields.category, label: categoryLabel },
                ...(fields.folder ? [{ name: fields.folder, label: "Dossier" }] : []),
              ]
            : []),
        ]}
      />
      {state.fieldErrors ? null : <FormMessage state={state} />}
      {Object.entries(hiddenFields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <label htmlFor={fileField} className="block font-semibold text-slate-900">
          Fichier
        </label>
        <FieldHint id={file.hintId}>{fileHint}</FieldHint>
        <FieldError id={file.errorId} error={fieldErrors[fileField]} />
        <input
          id={fileField}
          name={fileField}
          type="file"
          accept={accept}
          required
          aria-invalid={isFileInvalid || undefined}
          aria-describedby={joinIds(file.hintId, isFileInvalid && file.errorId)}
          className="mt-2 block w-full max-w-full text-base file:mr-4 file:min-h-11 file:rounded file:border-2 file:border-brand-700 file:bg-white file:px-4 file:font-semibold file:text-brand-700"
        />
      </div>
      {fields && details ? (
        <>
          <TextField
            name={fields.title}
            label="Titre"
            hint={`${details.titleMaxLength} caractères au maximum.`}
            maxLength={details.titleMaxLength}
            defaultValue={values[fields.title]}
            error={fieldErrors[fields.title]}
            required
            key={`title-${values[fields.title] ?? ""}`}
          />
          <TextField
            name={fields.date}
            label="Date du document"
            hint="Format JJ/MM/AAAA"
            inputMode="numeric"
            width="medium"
            defaultValue={values[fields.date]}
            error={fieldErrors[fields.date]}
            required
            key={`date-${values[fields.date] ?? ""}`}
          />
          <SelectField
            name={fields.category}
            label={categoryLabel}
            options={[{ value: "", label: details.categoryPlaceholder ?? "Choisissez une catégorie" }, ...details.categoryOptions]}
            defaultValue={values[fields.category] ?? ""}
            error={fieldErrors[fields.category]}
            required
            key={`category-${values[fields.category] ?? ""}`}
          />
          {fields.folder ? (
            <SelectField
              name={fields.folder}
              label="Dossier"
              hint="Facultatif"
              options={[{ value: "", label: "Aucun dossier" }, ...(details.folderOptions ?? [])]}
              defaultValue={values[fields.folder] ?? ""}
              error={fieldErrors[fields.folder]}
              key={`folder-${values[fields.folder] ?? ""}`}
            />
          ) : null}
        </>
      ) : null}
      {progress !== null ? (
        <div>
          <label htmlFor="televersement-progression" className="block font-semibold text-slate-900">
            Envoi du document
          </label>
          <progress id="televersement-progression" max={100} value={progress} className="mt-2 h-4 w-full accent-brand-700">
            {progress} %
          </progress>
          <p aria-live="polite" className="mt-1 text-sm text-slate-700">
            {progress < 100 ? `${progress} % envoyés` : "Chiffrement et enregistrement…"}
          </p>
        </div>
      ) : null}
      <button type="submit" disabled={isUploading} aria-busy={isUploading || undefined} className={buttonClassName()}>
        {submitLabel}
      </button>
    </form>
  );
}
