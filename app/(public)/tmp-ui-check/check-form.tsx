"use client";

import { useActionState, useState } from "react";
import { Checkbox } from "@/components/forms/checkbox";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-message";
import { idleFormState } from "@/components/forms/form-state";
import { LiveChecklist } from "@/components/forms/live-checklist";
import { PasswordField } from "@/components/forms/password-field";
import { RadioGroup } from "@/components/forms/radio-group";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { confirmCheck, submitCheck } from "./actions";

export function CheckForm() {
  const [state, formAction] = useActionState(submitCheck, idleFormState);
  const [confirmState, confirmAction] = useActionState(confirmCheck, idleFormState);
  const [password, setPassword] = useState("");
  const [isOpen, setIsOpen] = useState(false);
  const [isOpenInside, setIsOpenInside] = useState(false);
  const items = [
    { id: "length", label: "8 caractères minimum", isMet: password.length >= 8 },
    { id: "upper", label: "1 majuscule", isMet: /[A-Z]/.test(password) },
    { id: "lower", label: "1 minuscule", isMet: /[a-z]/.test(password) },
    { id: "digit", label: "1 chiffre", isMet: /\d/.test(password) },
    { id: "special", label: "1 caractère spécial", isMet: /[^A-Za-z0-9]/.test(password) },
  ];
  return (
    <div className="flex flex-col gap-8">
      <Alert variant="info" title="Information">Un message d&apos;information.</Alert>
      <Alert variant="warning">Un avertissement sans titre.</Alert>
      <form action={formAction} noValidate className="flex flex-col gap-6">
        <ErrorSummary
          fieldErrors={state.fieldErrors}
          fields={[
            { name: "nir", label: "Numéro de sécurité sociale" },
            { name: "mode", label: "Mon mode de réception" },
            { name: "password", label: "Mot de passe" },
            { name: "terms", label: "Conditions" },
          ]}
        />
        <FormMessage state={state} />
        <TextField
          name="nir"
          label="Numéro de sécurité sociale"
          hint="15 chiffres, sans espace"
          error={state.fieldErrors?.nir}
          defaultValue={state.values?.nir}
          inputMode="numeric"
          autoComplete="off"
          width="medium"
          required
        />
        <TextField name="height" label="Quelle est ma taille ?" suffix="m" inputMode="decimal" width="short" />
        <RadioGroup
          name="mode"
          legend="Mon mode de réception"
          error={state.fieldErrors?.mode}
          defaultValue={state.values?.mode}
          options={[
            { value: "email", label: "Par e-mail", description: <>j***@example.fr · <a href="#aide">Mes coordonnées sont incorrectes ?</a></> },
            { value: "sms", label: "Par SMS", description: "06 ** ** ** 12" },
          ]}
          required
        />
        <PasswordField
          name="password"
          label="Mot de passe"
          autoComplete="new-password"
          error={state.fieldErrors?.password}
          describedBy="password-rules"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <LiveChecklist id="password-rules" title="Votre mot de passe doit contenir :" items={items} />
        <PasswordField name="confirmation" label="Confirmer le mot de passe" autoComplete="new-password" />
        <Checkbox
          name="terms"
          error={state.fieldErrors?.terms}
          label={
            <>
              J&apos;accepte les <a href="/conditions-generales">Conditions Générales d&apos;Utilisation</a> et la{" "}
              <a href="/protection-des-donnees">Politique de protection des données personnelles</a>
            </>
          }
        />
        <div className="flex flex-col gap-3 sm:flex-row">
          <SubmitButton>Recevoir mon code provisoire</SubmitButton>
          <ButtonLink href="/" variant="secondary">
            Retour
          </ButtonLink>
        </div>
      </form>

      <form id="external-form" action={confirmAction} className="flex flex-col gap-4">
        <FormMessage state={confirmState} />
        <Button variant="secondary" onClick={() => setIsOpen(true)}>
          Ouvrir la confirmation externe
        </Button>
      </form>
      <ConfirmDialog
        heading="Je valide l'opposition à la création de Mon espace santé"
        isOpen={isOpen}
        onClose={() => setIsOpen(false)}
        form="external-form"
        confirmName="confirmation"
        confirmValue="externe"
      >
        <p>En validant cette décision, Mon espace santé ne sera pas créé. Vous pourrez créer Mon espace santé à tout moment.</p>
      </ConfirmDialog>

      <form action={confirmAction} className="flex flex-col gap-4">
        <Button variant="secondary" onClick={() => setIsOpenInside(true)}>
          Ouvrir la confirmation interne
        </Button>
        <ConfirmDialog
          heading="Confirmation interne"
          isOpen={isOpenInside}
          onClose={() => setIsOpenInside(false)}
          confirmName="confirmation"
          confirmValue="interne"
        >
          <p>Texte.</p>
        </ConfirmDialog>
      </form>
    </div>
  );
}
