import { Link } from "@/components/ui/link";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { buttonClassName } from "@/components/ui/button";
import type { ActivityFilterValues } from "@/lib/activity/filters";
import type { FieldErrors } from "@/lib/form-state";

export const ACTIVITY_FILTER_FIELDS = [
  { name: "du", label: "Du" },
  { name: "au", label: "Au" },
  { name: "acteur", label: "Auteur" },
  { name: "groupe", label: "Catégorie" },
];

type ActivityFilterFormProps = {
  action: string;
  values: ActivityFilterValues;
  fieldErrors?: FieldErrors;
  actorOptions: { value: string; label: string }[];
  groupOptions: { value: string; label: string }[];
};

/**
 * The filters of the history: a GET form, since filtering changes nothing and the filtered list
 * then has an address of its own (bookmarks, the back button, the export link).
 */
export function ActivityFilterForm({ action, values, fieldErrors = {}, actorOptions, groupOptions }: ActivityFilterFormProps) {
  return (
    <form method="get" action={action} noValidate className="mt-6 rounded border border-slate-300 bg-slate-50 p-4">
      <ErrorSummary fieldErrors={fieldErrors} fields={ACTIVITY_FILTER_FIELDS} />
      <fieldset className="mt-2">
        <legend className="font-bold text-slate-900">Filtrer les activités</legend>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <TextField name="du" label="Du" hint="Format JJ/MM/AAAA" defaultValue={values.du} error={fieldErrors.du} inputMode="numeric" width="medium" />
          <TextField name="au" label="Au" hint="Format JJ/MM/AAAA" defaultValue={values.au} error={fieldErrors.au} inputMode="numeric" width="medium" />
          <SelectField
            name="acteur"
            label="Auteur"
            defaultValue={values.acteur}
            error={fieldErrors.acteur}
            options={[{ value: "", label: "Tous les auteurs" }, ...actorOptions]}
          />
          <SelectField
            name="groupe"
            label="Catégorie"
            defaultValue={values.groupe}
            error={fieldErrors.groupe}
            options={[{ value: "", label: "Toutes les catégories" }, ...groupOptions]}
          />
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
