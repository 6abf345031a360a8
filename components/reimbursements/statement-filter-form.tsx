import { Link } from "@/components/ui/link";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SelectField, type SelectOption } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { buttonClassName } from "@/components/ui/button";
import type { StatementFilterValues } from "@/lib/reimbursements/filters";
import type { FieldErrors } from "@/lib/form-state";

export const STATEMENT_FILTER_FIELDS = [
  { name: "annee", label: "Année" },
  { name: "du", label: "Du" },
  { name: "au", label: "Au" },
  { name: "categorie", label: "Type de soins" },
  { name: "beneficiaire", label: "Bénéficiaire" },
];

type StatementFilterFormProps = {
  action: string;
  values: StatementFilterValues;
  fieldErrors?: FieldErrors;
  yearOptions: SelectOption[];
  categoryOptions: SelectOption[];
  /** Only when the person represents children: then each is a choice. */
  beneficiaryOptions: SelectOption[];
};

/** The statement's filters: a GET form, since filtering changes nothing and the filtered list gets an address the export reuses. */
export function StatementFilterForm({ action, values, fieldErrors = {}, yearOptions, categoryOptions, beneficiaryOptions }: StatementFilterFormProps) {
  return (
    <form method="get" action={action} noValidate className="mt-6 rounded border border-slate-300 bg-slate-50 p-4">
      <ErrorSummary fieldErrors={fieldErrors} fields={STATEMENT_FILTER_FIELDS} />
      <fieldset className="mt-2">
        <legend className="font-bold text-slate-900">Filtrer les remboursements</legend>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <SelectField
            name="annee"
            label="Année"
            defaultValue={values.annee}
            error={fieldErrors.annee}
            options={[{ value: "", label: "Toutes les années" }, ...yearOptions]}
          />
          <SelectField
            name="categorie"
            label="Type de soins"
            defaultValue={values.categorie}
            error={fieldErrors.categorie}
            options={[{ value: "", label: "Tous les types de soins" }, ...categoryOptions]}
          />
          <TextField name="du" label="Du" hint="Date des soins, format JJ/MM/AAAA" defaultValue={values.du} error={fieldErrors.du} inputMode="numeric" width="medium" />
          <TextField name="au" label="Au" hint="Date des soins, format JJ/MM/AAAA" defaultValue={values.au} error={fieldErrors.au} inputMode="numeric" width="medium" />
          {beneficiaryOptions.length > 1 ? (
            <SelectField
              name="beneficiaire"
              label="Bénéficiaire"
              defaultValue={values.beneficiaire}
              error={fieldErrors.beneficiaire}
              options={[{ value: "", label: "Tous les bénéficiaires" }, ...beneficiaryOptions]}
            />
          ) : null}
        </div>
      </fieldset>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className={buttonClassName()}>
          Filtrer
        </button>
        <Link href={action} className="text-brand-700 underline">
          Effacer les filtres
        </Link>
      </div>
    </form>
  );
}
