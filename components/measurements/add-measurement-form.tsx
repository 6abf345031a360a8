"use client";

import { useActionState, useState, useSyncExternalStore } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { buttonClassName } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { type FormAction, idleFormState } from "@/lib/form-state";
import { describeRange, findMeasureKindBySlug, MEASURE_KINDS } from "@/lib/medical-profile/measures";

const typeOptions = [{ value: "", label: "Choisir un type de mesure" }, ...MEASURE_KINDS.map((kind) => ({ value: kind.slug, label: kind.label }))];

const subscribeToNothing = () => () => {};

/** True once the page's JavaScript runs: the server (and a browser without it) renders false. */
function useIsHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}

type AddMeasurementFormProps = {
  action: FormAction;
  /** The type chosen in the address (?type=…), for browsers without JavaScript. */
  initialSlug: string;
  /** Today and now in Paris, "JJ/MM/AAAA" and "HH:MM": most measures are noted as they are taken. */
  defaultDate: string;
  defaultTime: string;
  /** Where the type is chosen again without JavaScript (this page, read with GET). */
  pagePath: string;
};

/**
 * "Ajouter une mesure": "Type de mesure", then "Valeur" (or "Systolique" and "Diastolique"),
 * "Date" and "Heure". Choosing another type shows its fields at once; without JavaScript,
 * "Afficher les champs de ce type" reloads the page with the type in its address.
 */
export function AddMeasurementForm({ action, initialSlug, defaultDate, defaultTime, pagePath }: AddMeasurementFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  const [slug, setSlug] = useState(state.values?.type ?? initialSlug);
  const isHydrated = useIsHydrated();
  const kind = findMeasureKindBySlug(slug);
  const values = state.values ?? {};
  const summaryFields = [
    { name: "type", label: "Type de mesure" },
    ...(kind?.fields ?? []).map((field) => ({ name: field.name, label: field.label })),
    { name: "date", label: "Date" },
    { name: "time", label: "Heure" },
  ];

  return (
    <form action={formAction} noValidate className="mt-6 space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} fields={summaryFields} />
      <div className="space-y-3">
        <SelectField
          name="type"
          label="Type de mesure"
          options={typeOptions}
          value={slug}
          onChange={(event) => setSlug(event.target.value)}
          error={state.fieldErrors?.type}
        />
        {isHydrated ? null : (
          <button type="submit" formAction={pagePath} formMethod="get" className={buttonClassName({ variant: "secondary" })}>
            Afficher les champs de ce type
          </button>
        )}
      </div>
      {kind?.isComputed ? (
        <Alert variant="info">
          L&apos;IMC ne se saisit pas : il est calculé à partir de votre dernière taille et de votre dernier poids. Choisissez « Taille »
          ou « Poids » pour les mettre à jour.
        </Alert>
      ) : null}
      {kind && !kind.isComputed ? (
        <fieldset className="space-y-6">
          <legend className="sr-only">{kind.label}</legend>
          {kind.fields.map((field) => (
            <TextField
              // A new type starts with empty numbers: a weight typed is not a height.
              key={`${kind.slug}-${field.name}`}
              name={field.name}
              label={field.label}
              inputMode={field.fractionDigits > 0 ? "decimal" : "numeric"}
              autoComplete="off"
              width="short"
              suffix={kind.displayUnit}
              hint={`Par exemple ${field.example}, ${describeRange(kind, field.range)}.`}
              defaultValue={state.values?.type === kind.slug ? (values[field.name] ?? "") : ""}
              error={state.fieldErrors?.[field.name]}
            />
          ))}
        </fieldset>
      ) : null}
      <TextField
        name="date"
        label="Date"
        hint="Au format JJ/MM/AAAA, pas dans le futur."
        inputMode="numeric"
        autoComplete="off"
        width="short"
        defaultValue={values.date ?? defaultDate}
        error={state.fieldErrors?.date}
      />
      <TextField
        name="time"
        label="Heure"
        hint="Au format HH:MM, heure de Paris."
        inputMode="numeric"
        autoComplete="off"
        width="short"
        defaultValue={values.time ?? defaultTime}
        error={state.fieldErrors?.time}
      />
      <SubmitButton>Enregistrer la mesure</SubmitButton>
    </form>
  );
}
