"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { RadioGroup } from "@/components/forms/radio-group";
import { SubmitButton } from "@/components/forms/submit-button";
import { type FormAction, idleFormState } from "@/lib/form-state";
import { LIFESTYLE_QUESTIONS, LIFESTYLE_THEMES } from "@/lib/medical-profile/lifestyle";

/** "Habitudes de vie": one radio group per question, grouped by theme. */
export function LifestyleForm({ current, back, action }: { current: Record<string, string>; back: "profil" | "completer"; action: FormAction }) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} noValidate className="mt-6 space-y-8">
      <input type="hidden" name="retour" value={back} />
      <ErrorSummary fieldErrors={state.fieldErrors} fields={LIFESTYLE_QUESTIONS.map((question) => ({ name: question.code, label: question.label }))} />
      {LIFESTYLE_THEMES.map((theme) => (
        <section key={theme.code} aria-labelledby={`theme-${theme.code}`} className="space-y-4">
          <h2 id={`theme-${theme.code}`} className="text-xl font-bold text-brand-900">
            {theme.title}
          </h2>
          {theme.questions.map((question) => (
            <RadioGroup
              key={question.code}
              name={question.code}
              legend={question.label}
              error={state.fieldErrors?.[question.code]}
              defaultValue={state.values?.[question.code] ?? current[question.code]}
              options={question.choices.map((choice) => ({ value: choice.value, label: choice.label }))}
            />
          ))}
        </section>
      ))}
      <SubmitButton>Enregistrer</SubmitButton>
    </form>
  );
}
