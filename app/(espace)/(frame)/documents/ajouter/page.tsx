import type { Metadata } from "next";
import { UploadForm } from "@/components/documents/upload-form";
import { PageTitle } from "@/components/ui/page-title";
import { getDb } from "@/db/client";
import { ACCEPTED_TYPES_LABEL, ACCEPT_ATTRIBUTE, MAX_DOCUMENT_SIZE_LABEL } from "@/lib/documents/file-types";
import {
  CATEGORY_CHOICES,
  DOCUMENT_TITLE_MAX_LENGTH,
  FILE_TOO_LARGE_MESSAGE,
  UPLOAD_FIELDS,
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
  const errorCode = typeof params.erreur === "string" ? params.erreur : undefined;
  const folders = await findFolderChoices(getDb(), { actor });
  return (
    <>
      <PageTitle>Ajouter un document</PageTitle>
      <p className="mt-4">
        Formats acceptés : {ACCEPTED_TYPES_LABEL}, {MAX_DOCUMENT_SIZE_LABEL} au maximum. Le document est chiffré avant d&apos;être enregistré.
      </p>
      <UploadForm
        action={UPLOAD_PATH}
        fileField={UPLOAD_FIELDS.file}
        accept={ACCEPT_ATTRIBUTE}
        fileHint={`${ACCEPTED_TYPES_LABEL}, ${MAX_DOCUMENT_SIZE_LABEL} au maximum.`}
        details={{
          fields: UPLOAD_FIELDS,
          titleMaxLength: DOCUMENT_TITLE_MAX_LENGTH,
          categoryOptions: CATEGORY_CHOICES,
          folderOptions: folders.map((folder) => ({ value: folder.id, label: folder.name })),
        }}
        initialMessage={errorCode ? REDIRECT_MESSAGES[errorCode] : undefined}
      />
    </>
  );
}
