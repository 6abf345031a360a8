import type { Metadata } from "next";
import { DocumentPreview } from "@/components/documents/document-preview";
import { UploadForm } from "@/components/documents/upload-form";
import { Link } from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/page-title";
import { getDb } from "@/db/client";
import { ACCEPTED_TYPES_LABEL, ACCEPT_ATTRIBUTE, MAX_DOCUMENT_SIZE_LABEL } from "@/lib/documents/file-types";
import { isPreviewable } from "@/lib/documents/media-types";
import { documentPath } from "@/lib/documents/paths";
import {
  CATEGORY_CHOICES,
  DOCUMENT_TITLE_MAX_LENGTH,
  FILE_TOO_LARGE_MESSAGE,
  UPLOAD_FIELDS,
  findAddedDocument,
  findFolderChoices,
} from "@/lib/documents/upload";
import { requireOnboardedActor } from "@/lib/onboarding/guard";

export const metadata: Metadata = { title: "Ajouter un document" };

const UPLOAD_PATH = "/documents/televersement";

type AddDocumentPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** What the JavaScript-less post's redirect says went wrong (the script shows each field's own message instead). */
const REDIRECT_MESSAGES: Record<string, string> = {
  taille: FILE_TOO_LARGE_MESSAGE,
  "1": `Le document n'a pas été ajouté. Vérifiez le fichier (${ACCEPTED_TYPES_LABEL}, ${MAX_DOCUMENT_SIZE_LABEL} au maximum, extension conforme à son contenu), le titre, la date (pas dans le futur) et la catégorie.`,
};

export default async function AddDocumentPage({ searchParams }: AddDocumentPageProps) {
  const actor = await requireOnboardedActor();
  const params = await searchParams;
  const addedId = typeof params.ajoute === "string" ? params.ajoute : undefined;
  const added = addedId ? await findAddedDocument(getDb(), { actor, documentId: addedId }) : null;
  const errorCode = typeof params.erreur === "string" ? params.erreur : undefined;
  const folders = await findFolderChoices(getDb(), { actor });
  const contentPath = added ? `/documents/${added.id}/fichier` : "";
  const isShownInPage = added && isPreviewable(added.mediaType);
  return (
    <>
      <PageTitle>Ajouter un document</PageTitle>
      {added ? (
        <section aria-labelledby="document-ajoute" className="mt-6 space-y-4">
          <div role="status">
            <Alert variant="success">
              <h2 id="document-ajoute" className="font-semibold">
                Le document « {added.title} » a été ajouté à vos documents.
              </h2>
            </Alert>
          </div>
          {isShownInPage ? (
            <DocumentPreview document={added} className="h-[60vh] w-full rounded border-2 border-slate-500 bg-white" />
          ) : (
            <p>Ce type de document ne peut pas être affiché dans la page : téléchargez-le pour l&apos;ouvrir.</p>
          )}
          <div className="flex flex-wrap gap-4">
            <a href={`${contentPath}?telechargement=1`} download className={buttonClassName({ variant: "secondary" })}>
              Télécharger
            </a>
            <Link href={documentPath(added.id)} className={buttonClassName({ variant: "secondary" })}>
              Voir le document
            </Link>
          </div>
          <h2 className="pt-4 text-xl font-bold text-brand-900">Ajouter un autre document</h2>
        </section>
      ) : (
        <p className="mt-4">
          Formats acceptés : {ACCEPTED_TYPES_LABEL}, {MAX_DOCUMENT_SIZE_LABEL} au maximum. Le document est chiffré avant d&apos;être enregistré.
        </p>
      )}
      <UploadForm
        key={addedId ?? "nouveau"}
        action={UPLOAD_PATH}
        fields={UPLOAD_FIELDS}
        accept={ACCEPT_ATTRIBUTE}
        fileHint={`${ACCEPTED_TYPES_LABEL}, ${MAX_DOCUMENT_SIZE_LABEL} au maximum.`}
        titleMaxLength={DOCUMENT_TITLE_MAX_LENGTH}
        categoryOptions={CATEGORY_CHOICES}
        folderOptions={folders.map((folder) => ({ value: folder.id, label: folder.name }))}
        initialMessage={errorCode ? REDIRECT_MESSAGES[errorCode] : undefined}
      />
    </>
  );
}
