"use client";

import { useActionState, useState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { type FormState, idleFormState } from "@/lib/form-state";
import { LiveChecklist } from "@/components/forms/live-checklist";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { identifierRules } from "@/lib/auth/credential-rules";
import { useAnswerReset } from "@/components/forms/use-answer-reset";

type CredentialsFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Free identifiers, `prénom.nom` first. */
  suggestions: string[];
};

const fields = [
  { name: "identifier", label: "Identifiant" },
  { name: "password", label: "Mot de passe" },
  { name: "passwordConfirmation", label: "Confirmer le mot de passe" },
];

export function CredentialsForm({ action, suggestions }: CredentialsFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  const [identifier, setIdentifier] = useState(state.values?.identifier ?? suggestions[0] ?? "");
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  // Keep what the person typed in the identifier; the passwords start again.
  useAnswerReset(state, (answer) => {
    if (answer.values?.identifier !== undefined) setIdentifier(answer.values.identifier);
    setPassword("");
    setConfirmation("");
  });
  const freshSuggestions = state.values?.suggestions ? state.values.suggestions.split(" ").filter(Boolean) : suggestions;
  const otherSuggestions = freshSuggestions.filter((suggestion) => suggestion !== identifier);

  return (
    <form action={formAction} noValidate className="mt-6 space-y-8">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={fields} />
      <FormMessage state={state} />
      <div className="space-y-3">
        <TextField
          name="identifier"
          label="Identifiant"
          hint="Pour plus de sécurité, l'identifiant ne peut pas être une adresse e-mail. Exemple : prénom.nom, ou un pseudo."
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={identifier}
          onChange={(event) => setIdentifier(event.target.value)}
          error={state.fieldErrors?.identifier}
          describedBy="regles-identifiant"
          required
        />
        <LiveChecklist
          id="regles-identifiant"
          title="Votre identifiant doit contenir :"
          items={identifierRules.map((rule) => ({ id: rule.id, label: rule.label, isMet: rule.isMet(identifier) }))}
        />
        {otherSuggestions.length > 0 ? (
          <div>
            <p id="suggestions-identifiant">Identifiants disponibles :</p>
            <ul aria-labelledby="suggestions-identifiant" className="mt-2 flex flex-wrap gap-2">
              {otherSuggestions.map((suggestion) => (
                <li key={suggestion}>
                  <button
                    type="button"
                    className="min-h-11 rounded border-2 border-brand-700 px-3 text-brand-700 hover:bg-brand-50"
                    onClick={() => setIdentifier(suggestion)}
                  >
                    <span className="sr-only">Choisir l&apos;identifiant </span>
                    {suggestion}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <NewPasswordFields
        label="Mot de passe"
        password={password}
        onPasswordChange={setPassword}
        confirmation={confirmation}
        onConfirmationChange={setConfirmation}
        fieldErrors={state.fieldErrors}
      />
      <SubmitButton>Créer mon compte</SubmitButton>
    </form>
  );
}
