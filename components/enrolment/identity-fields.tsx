import type { FormState } from "@/lib/form-state";
import { TextField } from "@/components/forms/text-field";

type IdentityFieldsProps = { state: FormState; withVitaleSerial: boolean };

/** NIR, birth date and (to request a code) the Vitale serial, as every identity check asks them. */
export function IdentityFields({ state, withVitaleSerial }: IdentityFieldsProps) {
  return (
    <>
      <TextField
        name="nir"
        label="Numéro de sécurité sociale"
        hint="15 chiffres, clé comprise, tels qu'ils figurent sur votre carte Vitale. Exemple : 2 84 05 88 321 025 32"
        autoComplete="off"
        spellCheck={false}
        required
        defaultValue={state.values?.nir}
        error={state.fieldErrors?.nir}
        width="medium"
      />
      <TextField
        name="birthDate"
        label="Date de naissance"
        hint="Au format JJ/MM/AAAA. Exemple : 03/02/1984"
        autoComplete="bday"
        inputMode="numeric"
        required
        defaultValue={state.values?.birthDate}
        error={state.fieldErrors?.birthDate}
        width="short"
      />
      {withVitaleSerial ? (
        <TextField
          name="vitaleSerial"
          label="Numéro de série de la carte Vitale"
          hint="De 8 à 13 chiffres, inscrits au dos de votre carte Vitale, en bas."
          autoComplete="off"
          inputMode="numeric"
          required
          defaultValue={state.values?.vitaleSerial}
          error={state.fieldErrors?.vitaleSerial}
          width="medium"
        />
      ) : null}
    </>
  );
}

export const identityFieldLabels = [
  { name: "nir", label: "Numéro de sécurité sociale" },
  { name: "birthDate", label: "Date de naissance" },
];
export const vitaleSerialFieldLabel = { name: "vitaleSerial", label: "Numéro de série de la carte Vitale" };
