import type { Metadata } from "next";
import { UploadForm } from "@/components/documents/upload-form";
import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/page-title";
import { getDb } from "@/db/client";
import { ACCEPTED_TYPES_LABEL, ACCEPT_ATTRIBUTE, DOCUMENT_TYPES, MAX_DOCUMENT_SIZE_LABEL, isDocumentMediaType } from "@/lib/documents/file-types";
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
  const isPreviewable = added && isDocumentMediaType(added.mediaType) && DOCUMENT_TYPES[added.mediaType].isShownInline;
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
          {isPreviewable ? (
            <iframe
              src={contentPath}
              title={`Aperçu du document « ${added.title} »`}
              // Images and text in an opaque origin with nothing allowed; a PDF needs the browser's viewer (see lib/http/security-headers.ts).
              sandbox={added.mediaType === "application/pdf" ? undefined : ""}
              className="h-[60vh] w-full rounded border-2 border-slate-500 bg-white"
            />
          ) : (
            <p>Ce type de document ne peut pas être affiché dans la page : téléchargez-le pour l&apos;ouvrir.</p>
          )}
          <a href={`${contentPath}?telechargement=1`} download className={buttonClassName({ variant: "secondary" })}>
            Télécharger
          </a>
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
