"use client";

import { LiveChecklist } from "@/components/forms/live-checklist";
import { PasswordField } from "@/components/forms/password-field";
import { passwordRules } from "@/lib/auth/credential-rules";

type NewPasswordFieldsProps = {
  /** "Mot de passe" at activation, "Nouveau mot de passe" when resetting it. */
  label: string;
  password: string;
  onPasswordChange: (value: string) => void;
  confirmation: string;
  onConfirmationChange: (value: string) => void;
  fieldErrors?: Record<string, string[] | undefined>;
};

/**
 * A new password and its confirmation, with every rule of SPEC §3 listed before typing and ticked
 * as it is met. The parent owns the values, so it can empty them after each submission.
 */
export function NewPasswordFields({
  label,
  password,
  onPasswordChange,
  confirmation,
  onConfirmationChange,
  fieldErrors,
}: NewPasswordFieldsProps) {
  return (
    <div className="space-y-3">
      <LiveChecklist
        id="regles-mot-de-passe"
        title="Votre mot de passe doit contenir :"
        items={passwordRules.map((rule) => ({ id: rule.id, label: rule.label, isMet: rule.isMet(password) }))}
      />
      <PasswordField
        name="password"
        label={label}
        hint="Il ne doit contenir ni votre identifiant, ni votre nom, ni votre prénom, et ne pas être un mot de passe courant."
        autoComplete="new-password"
        value={password}
        onChange={(event) => onPasswordChange(event.target.value)}
        error={fieldErrors?.password}
        describedBy="regles-mot-de-passe"
        required
      />
      <PasswordField
        name="passwordConfirmation"
        label="Confirmer le mot de passe"
        autoComplete="new-password"
        value={confirmation}
        onChange={(event) => onConfirmationChange(event.target.value)}
        error={fieldErrors?.passwordConfirmation}
        required
      />
    </div>
  );
}
