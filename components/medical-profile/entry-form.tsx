"use client";

import { useActionState } from "react";
import { Checkbox } from "@/components/forms/checkbox";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FieldError, FieldHint, getFieldIds, hasErrors, joinIds } from "@/components/forms/field-parts";
import { FormMessage } from "@/components/forms/form-message";
import { RadioGroup } from "@/components/forms/radio-group";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField, inputClassName } from "@/components/forms/text-field";
import { ENTRY_FORMS } from "@/lib/medical-profile/entries";
import type { EntrySection } from "@/lib/medical-profile/sections";
import { type FormAction, idleFormState } from "@/lib/form-state";
import { PartialDateField } from "./partial-date-field";

type EntryFormProps = {
  section: EntrySection;
  /** The entry changed, or null to add one. */
  id: string | null;
  /** The stored values of the entry, by field name (checkboxes as a list). */
  initialValues: Record<string, string | string[]>;
  /** Where the form was opened from, to go back there once saved. */
  back: "profil" | "completer";
  action: FormAction;
};

/** An entry section's add or edit form, drawn from its list of fields (lib/medical-profile/entries.ts). */
export function EntryForm({ section, id, initialValues, back, action }: EntryFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  const form = ENTRY_FORMS[section];
  // After a refusal, what was typed; otherwise what is stored.
  const valueOf = (name: string): string => {
    const refilled = state.values?.[name];
    if (refilled !== undefined) return refilled;
    const initial = initialValues[name];
    return Array.isArray(initial) ? initial.join("\n") : (initial ?? "");
  };
  const listOf = (name: string): string[] => valueOf(name).split("\n").filter(Boolean);
  const errorOf = (name: string) => state.fieldErrors?.[name];
  const summaryFields = form.fields.map((field) => ({ name: field.name, label: "label" in field ? field.label : field.legend }));

  return (
    <form action={formAction} noValidate className="mt-6 space-y-6">
      <input type="hidden" name="section" value={section} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <input type="hidden" name="retour" value={back} />
      <ErrorSummary fieldErrors={state.fieldErrors} fields={summaryFields} />
      <FormMessage state={state} />
      {form.fields.map((field) => {
        const error = errorOf(field.name);
        switch (field.kind) {
          case "text":
            return (
              <div key={field.name}>
                <TextField
                  name={field.name}
                  label={field.label}
                  hint={field.hint}
                  error={error}
                  defaultValue={valueOf(field.name)}
                  maxLength={field.format ? undefined : field.maxLength}
                  type={field.format === "mobile" || field.format === "phone" ? "tel" : "text"}
                  inputMode={field.format === "postal-code" || field.format === "duration" ? "numeric" : undefined}
                  autoComplete={field.autoComplete}
                  list={field.suggestions ? `${field.name}-suggestions` : undefined}
                  aria-required={field.missing ? true : undefined}
                  width={field.format ? "short" : "full"}
                />
                {field.suggestions ? (
                  <datalist id={`${field.name}-suggestions`}>
                    {field.suggestions.map((suggestion) => (
                      <option key={suggestion} value={suggestion} />
                    ))}
                  </datalist>
                ) : null}
              </div>
            );
          case "textarea": {
            const { hintId, errorId } = getFieldIds(field.name);
            const isInvalid = hasErrors(error);
            return (
              <div key={field.name}>
                <label htmlFor={field.name} className="block font-semibold text-slate-900">
                  {field.label}
                </label>
                <FieldHint id={hintId}>
                  {field.hint ? `${field.hint} ` : ""}
                  {field.maxLength} caractères au plus.
                </FieldHint>
                <FieldError id={errorId} error={error} />
                <textarea
                  id={field.name}
                  name={field.name}
                  rows={4}
                  maxLength={field.maxLength}
                  defaultValue={valueOf(field.name)}
                  aria-invalid={isInvalid || undefined}
                  aria-describedby={joinIds(hintId, isInvalid && errorId)}
                  className={`mt-2 ${inputClassName(isInvalid)}`}
                />
              </div>
            );
          }
          case "partial-date":
            return (
              <PartialDateField
                key={field.name}
                name={field.name}
                legend={field.legend}
                hint={field.hint}
                error={error}
                isRequired={Boolean(field.missing)}
                defaultValues={{ day: valueOf(`${field.name}Day`), month: valueOf(`${field.name}Month`), year: valueOf(`${field.name}Year`) }}
              />
            );
          case "select":
            return (
              <SelectField
                key={field.name}
                name={field.name}
                label={field.label}
                error={error}
                defaultValue={valueOf(field.name)}
                aria-required={field.missing ? true : undefined}
                options={[{ value: "", label: field.emptyLabel ?? "Choisir" }, ...field.choices]}
              />
            );
          case "radio":
            return (
              <RadioGroup
                key={field.name}
                name={field.name}
                legend={field.legend}
                error={error}
                defaultValue={valueOf(field.name)}
                options={field.choices.map((choice) => ({ value: choice.value, label: choice.label }))}
              />
            );
          case "checkboxes": {
            const { hintId, errorId } = getFieldIds(field.name);
            const isInvalid = hasErrors(error);
            const checked = listOf(field.name);
            return (
              <fieldset key={field.name} id={field.name} aria-describedby={joinIds(field.hint ? hintId : undefined, isInvalid && errorId)}>
                <legend className="font-semibold text-slate-900">{field.legend}</legend>
                {field.hint ? <FieldHint id={hintId}>{field.hint}</FieldHint> : null}
                <FieldError id={errorId} error={error} />
                {field.choices.map((choice) => (
                  <Checkbox
                    key={choice.value}
                    id={`${field.name}-${choice.value}`}
                    name={field.name}
                    value={choice.value}
                    label={choice.label}
                    defaultChecked={checked.includes(choice.value)}
                  />
                ))}
              </fieldset>
            );
          }
          case "checkbox":
            return <Checkbox key={field.name} name={field.name} label={field.label} error={error} defaultChecked={valueOf(field.name) === "on"} />;
        }
      })}
      <SubmitButton>{form.submitLabel}</SubmitButton>
    </form>
  );
}
