"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { type FormState, idleFormState } from "@/lib/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { ButtonLink } from "@/components/ui/button";
import { contactCodeValidity } from "@/lib/enrolment/messages";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function ContactChangeForm({ action, kind }: { action: Action; kind: "email" | "mobile" }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const label = kind === "email" ? "Nouvelle adresse e-mail" : "Nouveau numéro de mobile";
  return (
    <form action={formAction} noValidate className="mt-4 space-y-4 rounded border border-slate-300 p-4">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={[{ name: "value", label }]} />
      <FormMessage state={state} />
      <input type="hidden" name="kind" value={kind} />
      <TextField
        name="value"
        label={label}
        type={kind === "email" ? "email" : "tel"}
        autoComplete={kind === "email" ? "email" : "tel"}
        hint={
          kind === "email"
            ? "Un code de vérification sera envoyé à cette adresse."
            : "Un mobile français (06 ou 07) ou international (+…). Un code de vérification sera envoyé par SMS à ce numéro."
        }
        defaultValue={state.values?.value}
        error={state.fieldErrors?.value}
        required
        width="medium"
      />
      <div className="flex flex-col gap-3 sm:flex-row">
        <SubmitButton>Recevoir un code de vérification</SubmitButton>
        <ButtonLink href="/activation/coordonnees" variant="secondary">
          Annuler la modification
        </ButtonLink>
      </div>
    </form>
  );
}

export function ContactCodeForm({ action, kind, newValue }: { action: Action; kind: "email" | "mobile"; newValue: string }) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} noValidate className="mt-4 space-y-4 rounded border border-slate-300 p-4">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={[{ name: "code", label: "Code de vérification" }]} />
      <FormMessage state={state} />
      <p>
        Un code de vérification a été envoyé {kind === "email" ? "à l'adresse" : "au numéro"} <strong>{newValue}</strong>.{" "}
        {contactCodeValidity}
      </p>
      <input type="hidden" name="kind" value={kind} />
      <TextField
        name="code"
        label="Code de vérification"
        hint="6 chiffres."
        autoComplete="one-time-code"
        inputMode="numeric"
        error={state.fieldErrors?.code}
        required
        width="short"
      />
      <SubmitButton>Valider le code</SubmitButton>
    </form>
  );
}

export function ConfirmContactsForm({ action }: { action: (state: FormState) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className="mt-8 space-y-4">
      <FormMessage state={state} />
      <SubmitButton>Continuer</SubmitButton>
    </form>
  );
}
