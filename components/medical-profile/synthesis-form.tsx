"use client";

import { type FormEvent, useActionState, useState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FieldError, getFieldIds, hasErrors, joinIds } from "@/components/forms/field-parts";
import { RadioGroup } from "@/components/forms/radio-group";
import { SubmitButton } from "@/components/forms/submit-button";
import { type FormAction, idleFormState } from "@/lib/form-state";

type Choice = { value: string; label: string };

const SAVE_BUTTON = "enregistrer";

/**
 * One choice of sections for both buttons: "Télécharger la synthèse (PDF)" sends them to the
 * download route (a GET, so the browser saves the attachment), "Enregistrer dans mes documents"
 * to the server action. The choice is checked here first only to say so on the field; the route
 * and the action check it again.
 */
export function SynthesisForm({
  downloadPath,
  sectionChoices,
  visibilityChoices,
  isVisibilityAsked,
  fields,
  messages,
  action,
}: {
  downloadPath: string;
  sectionChoices: Choice[];
  visibilityChoices: readonly Choice[];
  isVisibilityAsked: boolean;
  fields: { sections: string; visibility: string };
  messages: { noSection: string };
  action: FormAction;
}) {
  const [state, formAction] = useActionState(action, idleFormState);
  const [localError, setLocalError] = useState<string[] | undefined>(undefined);
  const sectionsError = localError ?? state.fieldErrors?.[fields.sections];
  const fieldErrors = { ...state.fieldErrors, [fields.sections]: sectionsError };
  const chosen = new Set((state.values?.[fields.sections] ?? "").split("\n").filter(Boolean));
  const { errorId } = getFieldIds(fields.sections);
  const isInvalid = hasErrors(sectionsError);

  function checkChoice(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const isChosen = new FormData(event.currentTarget).getAll(fields.sections).length > 0;
    if (!isChosen && submitter?.getAttribute("data-role") !== SAVE_BUTTON) {
      event.preventDefault();
      setLocalError([messages.noSection]);
      return;
    }
    setLocalError(undefined);
  }

  return (
    <form method="get" action={downloadPath} onSubmit={checkChoice} noValidate className="mt-6 space-y-6">
      <ErrorSummary
        fieldErrors={fieldErrors}
        fields={[
          { name: fields.sections, label: "Rubriques" },
          { name: fields.visibility, label: "Visibilité" },
        ]}
      />
      <fieldset id={fields.sections} aria-describedby={joinIds(isInvalid && errorId)} aria-invalid={isInvalid || undefined} className={isInvalid ? "border-l-4 border-danger-700 pl-3" : undefined}>
        <legend className="font-semibold text-slate-900">Rubriques à inclure dans la synthèse</legend>
        <FieldError id={errorId} error={sectionsError} />
        <div className="mt-2 grid gap-1 sm:grid-cols-2">
          {sectionChoices.map((choice) => {
            const id = `${fields.sections}-${choice.value}`;
            return (
              <div key={choice.value} className="flex items-start gap-3">
                <input
                  id={id}
                  type="checkbox"
                  name={fields.sections}
                  value={choice.value}
                  defaultChecked={chosen.size === 0 || chosen.has(choice.value)}
                  className="mt-2.5 h-6 w-6 shrink-0 accent-brand-700"
                />
                <label htmlFor={id} className="block py-2 text-slate-900">
                  {choice.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
      {isVisibilityAsked ? (
        <RadioGroup
          name={fields.visibility}
          legend="Visibilité de la synthèse enregistrée"
          hint="Vos nouveaux documents sont masqués aux professionnels par défaut : choisissez pour celle-ci."
          options={visibilityChoices.map((choice) => ({ ...choice }))}
          error={state.fieldErrors?.[fields.visibility]}
        />
      ) : (
        <p className="text-slate-700">Enregistrée dans vos documents, la synthèse sera visible par les professionnels de santé autorisés.</p>
      )}
      <div className="flex flex-col gap-3 sm:flex-row">
        <SubmitButton>Télécharger la synthèse (PDF)</SubmitButton>
        <SubmitButton variant="secondary" formAction={formAction} data-role={SAVE_BUTTON}>
          Enregistrer dans mes documents
        </SubmitButton>
      </div>
    </form>
  );
}
