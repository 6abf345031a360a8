"use client";

import { useActionState } from "react";
import { Checkbox } from "@/components/forms/checkbox";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { type FormAction, idleFormState } from "@/lib/form-state";

type Topic = { topic: string; label: string; description: string };

/** The five e-mail switches of a profile (reference mes-data-model §8.1), saved at once. */
export function EmailPreferencesForm({
  action,
  topics,
  preferences,
}: {
  action: FormAction;
  topics: readonly Topic[];
  preferences: Record<string, boolean>;
}) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className="mt-4 space-y-4">
      <FormMessage state={state} />
      {topics.map(({ topic, label, description }) => (
        <Checkbox
          key={topic}
          name={topic}
          id={`switch-${topic}`}
          role="switch"
          label={label}
          hint={description}
          defaultChecked={preferences[topic]}
        />
      ))}
      <SubmitButton variant="secondary">Enregistrer mes préférences</SubmitButton>
    </form>
  );
}
