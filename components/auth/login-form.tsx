"use client";

import { Link } from "@/components/ui/link";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { PasswordField } from "@/components/forms/password-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import type { AuthFormAction, AuthFormState } from "@/lib/form-state";
import { LockedNotice } from "./locked-notice";

const fields = [
  { name: "identifier", label: "Identifiant" },
  { name: "password", label: "Mot de passe" },
];

const idle: AuthFormState = { status: "idle" };

/**
 * First step of the login: identifier and password; the one-time code comes next. The links to
 * recover an identifier or a password are the patients' (their recovery asks for the Vitale card).
 */
export function LoginForm({
  action,
  callbackUrl,
  hasRecoveryLinks = true,
}: {
  action: AuthFormAction;
  callbackUrl: string;
  hasRecoveryLinks?: boolean;
}) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} noValidate className="mt-6 space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={fields} />
      {state.lockedUntil ? <LockedNotice lockedUntil={state.lockedUntil} role="alert" /> : <FormMessage state={state} />}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="space-y-2">
        <TextField
          name="identifier"
          label="Identifiant"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={state.values?.identifier}
          error={state.fieldErrors?.identifier}
          width="medium"
        />
        {hasRecoveryLinks ? (
          <p>
            <Link href="/identifiant-oublie" className="text-brand-700 underline">
              Identifiant oublié ?
            </Link>
          </p>
        ) : null}
      </div>
      <div className="space-y-2">
        <PasswordField
          name="password"
          label="Mot de passe"
          autoComplete="current-password"
          required
          error={state.fieldErrors?.password}
        />
        {hasRecoveryLinks ? (
          <p>
            <Link href="/mot-de-passe-oublie" className="text-brand-700 underline">
              Mot de passe oublié ?
            </Link>
          </p>
        ) : null}
      </div>
      <SubmitButton>Se connecter</SubmitButton>
    </form>
  );
}
