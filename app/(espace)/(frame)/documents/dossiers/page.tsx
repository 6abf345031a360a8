import type { Metadata } from "next";
import { CreateFolderForm, FolderItem } from "@/components/documents/folder-forms";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { documentListQueryString } from "@/lib/documents/list-query";
import { DOCUMENTS_PATH } from "@/lib/documents/paths";
import { findFolders } from "@/lib/documents/queries";
import { documentRules } from "@/lib/documents/rules";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { createFolderAction, deleteFolderAction, renameFolderAction } from "./actions";

export const metadata: Metadata = { title: "Mes dossiers – Documents" };

export default async function FoldersPage() {
  const actor = await requireOnboardedActor();
  const folders = await findFolders({ actor });
  return (
    <>
      <p>
        <Link href={DOCUMENTS_PATH} className="text-brand-700 underline">
          <span aria-hidden="true">← </span>Retour à mes documents
        </Link>
      </p>
      <PageTitle className="mt-4">Mes dossiers</PageTitle>
      <p className="mt-4">
        Rangez vos documents dans des dossiers. Supprimer un dossier ne supprime pas ses documents : ils sont rangés dans « Aucun dossier ».
      </p>
      <section aria-labelledby="creer-dossier" className="mt-8">
        <h2 id="creer-dossier" className="text-xl font-bold text-brand-900">
          Créer un dossier
        </h2>
        <CreateFolderForm action={createFolderAction} nameMaxLength={documentRules.folderNameMaxLength} />
      </section>
      <section aria-labelledby="liste-dossiers" className="mt-10">
        <h2 id="liste-dossiers" className="text-xl font-bold text-brand-900">
          Mes dossiers ({folders.length})
        </h2>
        {folders.length === 0 ? (
          <p className="mt-3 text-slate-700">Vous n&apos;avez pas encore de dossier.</p>
        ) : (
          <ul className="mt-4 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
            {folders.map((folder) => (
              <FolderItem
                key={folder.id}
                folder={folder}
                documentsHref={`${DOCUMENTS_PATH}${documentListQueryString({ category: null, folder: folder.id, search: "", sort: "recent" })}`}
                renameAction={renameFolderAction}
                deleteAction={deleteFolderAction}
                nameMaxLength={documentRules.folderNameMaxLength}
              />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
