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

/** Where "Identifiant oublié ?" and "Mot de passe oublié ?" lead: each portal has its own recovery. */
export type RecoveryLinks = { identifier: string; password: string };

const PATIENT_RECOVERY_LINKS: RecoveryLinks = { identifier: "/identifiant-oublie", password: "/mot-de-passe-oublie" };

/** First step of the login: identifier and password; the one-time code comes next. */
export function LoginForm({
  action,
  callbackUrl,
  recoveryLinks = PATIENT_RECOVERY_LINKS,
}: {
  action: AuthFormAction;
  callbackUrl: string;
  recoveryLinks?: RecoveryLinks;
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
        <p>
          <Link href={recoveryLinks.identifier} className="text-brand-700 underline">
            Identifiant oublié ?
          </Link>
        </p>
      </div>
      <div className="space-y-2">
        <PasswordField
          name="password"
          label="Mot de passe"
          autoComplete="current-password"
          required
          error={state.fieldErrors?.password}
        />
        <p>
          <Link href={recoveryLinks.password} className="text-brand-700 underline">
            Mot de passe oublié ?
          </Link>
        </p>
      </div>
      <SubmitButton>Se connecter</SubmitButton>
    </form>
  );
}
