import type { Metadata } from "next";
import { DefaultVisibilityForm } from "@/components/documents/default-visibility-form";
import { DocumentFilterForm } from "@/components/documents/document-filter-form";
import { DocumentList } from "@/components/documents/document-list";
import { DocumentSwitchForm } from "@/components/documents/document-switch-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { PageLinks } from "@/components/ui/page-links";
import { PageTitle } from "@/components/ui/page-title";
import { DOCUMENT_CATEGORY_LABELS } from "@/lib/documents/categories";
import {
  DOCUMENT_SORTS,
  documentListQueryString,
  documentListValues,
  isFiltered,
  NO_FOLDER,
  parseDocumentListQuery,
  SEARCH_MAX_LENGTH,
} from "@/lib/documents/list-query";
import { ADD_DOCUMENT_PATH, DOCUMENTS_PATH, FOLDERS_PATH } from "@/lib/documents/paths";
import { findDocumentPage, findFolders, findVisibilitySummary } from "@/lib/documents/queries";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { changeAllVisibilityAction, saveDefaultVisibilityAction } from "./actions";

export const metadata: Metadata = { title: "Documents" };

const categoryOptions = [
  { value: "", label: "Toutes les catégories" },
  ...Object.entries(DOCUMENT_CATEGORY_LABELS).map(([value, label]) => ({ value, label })),
];
const sortOptions = Object.entries(DOCUMENT_SORTS).map(([value, label]) => ({ value, label }));

function describeCount(total: number, isFilteredList: boolean): string {
  if (total === 0) return isFilteredList ? "Aucun document ne correspond à votre recherche." : "Vous n'avez pas encore de document.";
  const documents = `${total} document${total > 1 ? "s" : ""}`;
  return isFilteredList ? `${documents} correspond${total > 1 ? "ent" : ""} à votre recherche.` : `${documents}.`;
}

type DocumentsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DocumentsPage({ searchParams }: DocumentsPageProps) {
  const actor = await requireOnboardedActor();
  const query = parseDocumentListQuery(await searchParams);
  const [page, folders, visibility] = await Promise.all([
    findDocumentPage({ actor, filters: query, page: query.page }),
    findFolders({ actor }),
    findVisibilitySummary({ actor }),
  ]);
  const wasDeleted = (await searchParams).supprime === "1";
  const folderOptions = [
    { value: "", label: "Tous les dossiers" },
    { value: NO_FOLDER, label: "Aucun dossier" },
    ...folders.map((folder) => ({ value: folder.id, label: folder.name })),
  ];
  const isFilteredList = isFiltered(query);
  return (
    <>
      <PageTitle>Documents</PageTitle>
      <p className="mt-4">Vos documents de santé : ceux que vous avez ajoutés et ceux de vos professionnels de santé.</p>
      {wasDeleted ? (
        <div className="mt-4">
          <Alert variant="success" role="status">
            Le document a été supprimé.
          </Alert>
        </div>
      ) : null}
      <div className="mt-6 flex flex-col gap-4 sm:flex-row sm:items-center">
        <ButtonLink href={ADD_DOCUMENT_PATH}>Ajouter un document</ButtonLink>
        <Link href={FOLDERS_PATH} className="font-semibold text-brand-700 underline">
          Gérer mes dossiers
        </Link>
      </div>

      <DocumentFilterForm
        action={DOCUMENTS_PATH}
        values={documentListValues(query)}
        categoryOptions={categoryOptions}
        folderOptions={folderOptions}
        sortOptions={sortOptions}
        searchMaxLength={SEARCH_MAX_LENGTH}
      />

      <section aria-labelledby="liste-documents" className="mt-8">
        <h2 id="liste-documents" className="text-xl font-bold text-brand-900">
          Mes documents
        </h2>
        <p className="mt-2 text-slate-700">
          {describeCount(page.total, isFilteredList)}
          {page.pageCount > 1 ? ` Page ${page.page} sur ${page.pageCount}.` : ""}
        </p>
        {page.documents.length > 0 ? <DocumentList documents={page.documents} labelledBy="liste-documents" /> : null}
        <PageLinks
          label="Pages de la liste des documents"
          page={page.page}
          pageCount={page.pageCount}
          hrefOf={(number) => `${DOCUMENTS_PATH}${documentListQueryString(query, number)}`}
        />
      </section>

      <section aria-labelledby="visibilite-documents" className="mt-10 rounded border border-slate-300 p-4">
        <h2 id="visibilite-documents" className="text-xl font-bold text-brand-900">
          Visibilité par les professionnels de santé
        </h2>
        <p className="mt-2">
          Un document masqué reste visible par vous et par la personne qui l&apos;a ajouté.{" "}
          {visibility.documentCount === 0
            ? null
            : `${visibility.hiddenCount} document${visibility.hiddenCount > 1 ? "s" : ""} sur ${visibility.documentCount} ${visibility.hiddenCount > 1 ? "sont masqués" : "est masqué"}.`}
        </p>
        {visibility.documentCount > 0 ? (
          <div className="mt-4 flex flex-col gap-3 sm:flex-row">
            <DocumentSwitchForm action={changeAllVisibilityAction} fields={{ isHidden: "oui" }} label="Tout masquer" />
            <DocumentSwitchForm action={changeAllVisibilityAction} fields={{ isHidden: "non" }} label="Tout rendre visible" />
          </div>
        ) : null}
        <h3 className="mt-6 font-bold text-slate-900">Pour les prochains documents</h3>
        <DefaultVisibilityForm action={saveDefaultVisibilityAction} isHiddenByDefault={visibility.hideNewDocumentsFromProfessionals} />
      </section>
    </>
  );
}
