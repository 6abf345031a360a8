"use client";

import { ErrorSummary } from "@/components/forms/error-summary";
import { FieldError, FieldHint, getFieldIds, hasErrors, joinIds } from "@/components/forms/field-parts";
import { FormMessage } from "@/components/forms/form-message";
import { SelectField, type SelectOption } from "@/components/forms/select-field";
import { TextAreaField } from "@/components/forms/text-area-field";
import { TextField } from "@/components/forms/text-field";
import { useMultipartUpload } from "@/components/forms/use-multipart-upload";
import { buttonClassName } from "@/components/ui/button";

/** The field names of lib/messaging/schemas.ts MESSAGE_FIELDS (a client component does not import the zod module). */
export type MessageFieldNames = { subject: string; body: string; attachments: string; professional: string };

type MessageFormProps = {
  action: string;
  fields: MessageFieldNames;
  /** A new conversation asks for its « Objet »; a reply does not. */
  hasSubject: boolean;
  subjectMaxLength: number;
  bodyMaxLength: number;
  /** The patient's new conversation: the professionals who already wrote to them. */
  professionalOptions?: SelectOption[];
  accept: string;
  attachmentsHint: string;
  hiddenFields: Record<string, string>;
  initialMessage?: string;
};

/**
 * A message with its attachments: « Objet » (a new conversation), « Message », « Pièces jointes »
 * (several files), « Envoyer ». Posted by useMultipartUpload to lib/messaging's route handlers.
 */
export function MessageForm({
  action,
  fields,
  hasSubject,
  subjectMaxLength,
  bodyMaxLength,
  professionalOptions,
  accept,
  attachmentsHint,
  hiddenFields,
  initialMessage,
}: MessageFormProps) {
  const { state, progress, submit } = useMultipartUpload({ action, initialMessage, failureMessage: "Le message n'a pas été envoyé." });
  const fieldErrors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const attachments = getFieldIds(fields.attachments);
  const isAttachmentsInvalid = hasErrors(fieldErrors[fields.attachments]);
  const isSending = progress !== null;
  return (
    <form action={action} method="post" encType="multipart/form-data" onSubmit={submit} noValidate className="mt-6 space-y-6">
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        fields={[
          ...(professionalOptions ? [{ name: fields.professional, label: "Professionnel de santé" }] : []),
          ...(hasSubject ? [{ name: fields.subject, label: "Objet" }] : []),
          { name: fields.body, label: "Message" },
          { name: fields.attachments, label: "Pièces jointes" },
        ]}
      />
      {state.fieldErrors ? null : <FormMessage state={state} />}
      {Object.entries(hiddenFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {professionalOptions ? (
        <SelectField
          name={fields.professional}
          label="Professionnel de santé"
          options={[{ value: "", label: "Choisissez un professionnel" }, ...professionalOptions]}
          defaultValue={values[fields.professional] ?? ""}
          error={fieldErrors[fields.professional]}
          required
        />
      ) : null}
      {hasSubject ? (
        <TextField
          name={fields.subject}
          label="Objet"
          hint={`${subjectMaxLength} caractères au maximum.`}
          maxLength={subjectMaxLength}
          defaultValue={values[fields.subject]}
          error={fieldErrors[fields.subject]}
          required
          key={`subject-${values[fields.subject] ?? ""}`}
        />
      ) : null}
      <TextAreaField
        name={fields.body}
        label="Message"
        hint={`${bodyMaxLength} caractères au maximum.`}
        maxLength={bodyMaxLength}
        rows={6}
        defaultValue={values[fields.body]}
        error={fieldErrors[fields.body]}
        required
        key={`body-${values[fields.body] ?? ""}`}
      />
      <div>
        <label htmlFor={fields.attachments} className="block font-semibold text-slate-900">
          Pièces jointes
        </label>
        <FieldHint id={attachments.hintId}>{attachmentsHint}</FieldHint>
        <FieldError id={attachments.errorId} error={fieldErrors[fields.attachments]} />
        <input
          id={fields.attachments}
          name={fields.attachments}
          type="file"
          multiple
          accept={accept}
          aria-invalid={isAttachmentsInvalid || undefined}
          aria-describedby={joinIds(attachments.hintId, isAttachmentsInvalid && attachments.errorId)}
          className="mt-2 block w-full max-w-full text-base file:mr-4 file:min-h-11 file:rounded file:border-2 file:border-brand-700 file:bg-white file:px-4 file:font-semibold file:text-brand-700"
        />
      </div>
      {progress !== null ? (
        <div>
          <label htmlFor="message-progression" className="block font-semibold text-slate-900">
            Envoi du message
          </label>
          <progress id="message-progression" max={100} value={progress} className="mt-2 h-4 w-full accent-brand-700">
            {progress} %
          </progress>
          <p aria-live="polite" className="mt-1 text-sm text-slate-700">
            {progress < 100 ? `${progress} % envoyés` : "Chiffrement et envoi…"}
          </p>
        </div>
      ) : null}
      <button type="submit" disabled={isSending} aria-busy={isSending || undefined} className={buttonClassName()}>
        Envoyer
      </button>
    </form>
  );
}
