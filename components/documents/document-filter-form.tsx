import { SelectField, type SelectOption } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { buttonClassName } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import type { DocumentListValues } from "@/lib/documents/list-query";

type DocumentFilterFormProps = {
  action: string;
  values: DocumentListValues;
  categoryOptions: SelectOption[];
  folderOptions: SelectOption[];
  sortOptions: SelectOption[];
  searchMaxLength: number;
};

/**
 * Search, filters and order of the list: a GET form, so that a filtered list has an address of
 * its own (bookmarks, the back button) and works without JavaScript.
 */
export function DocumentFilterForm({ action, values, categoryOptions, folderOptions, sortOptions, searchMaxLength }: DocumentFilterFormProps) {
  return (
    <form method="get" action={action} role="search" aria-label="Rechercher et trier mes documents" className="mt-6 rounded border border-slate-300 bg-slate-50 p-4">
      <TextField name="recherche" type="search" label="Rechercher un document" hint="Dans le titre des documents." defaultValue={values.recherche} maxLength={searchMaxLength} />
      <div className="mt-4 grid gap-4 sm:grid-cols-3">
        <SelectField name="categorie" label="Catégorie" defaultValue={values.categorie} options={categoryOptions} />
        <SelectField name="dossier" label="Dossier" defaultValue={values.dossier} options={folderOptions} />
        <SelectField name="tri" label="Trier par" defaultValue={values.tri} options={sortOptions} />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className={buttonClassName()}>
          Afficher
        </button>
        <Link href={action} className="text-brand-700 underline">
          Effacer la recherche et les filtres
        </Link>
      </div>
    </form>
  );
}
