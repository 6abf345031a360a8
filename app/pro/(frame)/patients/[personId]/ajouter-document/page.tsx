import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UploadForm } from "@/components/documents/upload-form";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { requireProfessional } from "@/lib/access/current-actor";
import { ACCEPTED_TYPES_LABEL, ACCEPT_ATTRIBUTE, MAX_DOCUMENT_SIZE_LABEL } from "@/lib/documents/file-types";
import { DOCUMENT_TITLE_MAX_LENGTH, FILE_TOO_LARGE_MESSAGE } from "@/lib/documents/upload";
import { PRO_DEPOSIT_FIELDS, PRO_UPLOAD_PATH, proPatientPath } from "@/lib/professional-access/paths";
import { mayDepositTo } from "@/lib/professional-access/reading";
import { PROFESSIONAL_DOCUMENT_TYPES } from "@/lib/professional-access/schemas";

export const metadata: Metadata = { title: "Ajouter un document au dossier du patient" };

type ProAddDocumentPageProps = {
  params: Promise<{ personId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** What the JavaScript-less post's redirect says went wrong (the script shows each field's own message instead). */
const REDIRECT_MESSAGES: Record<string, string> = {
  taille: FILE_TOO_LARGE_MESSAGE,
  "1": `Le document n'a pas été ajouté. Vérifiez le fichier (${ACCEPTED_TYPES_LABEL}, ${MAX_DOCUMENT_SIZE_LABEL} au maximum, extension conforme à son contenu), le titre, la date (pas dans le futur) et le type de document.`,
};

const TYPE_OPTIONS = PROFESSIONAL_DOCUMENT_TYPES.map((type) => ({ value: type.code, label: type.label }));

/**
 * « Ajouter un document » to a patient's record: the professional is its author. Allowed even to a
 * professional the patient blocked (depositDocument decides); a patient the professional cannot
 * deposit for is not found. Nothing of the record is read here, so no event is recorded.
 */
export default async function ProAddDocumentPage({ params, searchParams }: ProAddDocumentPageProps) {
  const actor = await requireProfessional();
  const { personId } = await params;
  if (!(await mayDepositTo({ actor, personId, now: new Date() }))) notFound();
  const errorCode = (await searchParams).erreur;
  return (
    <>
      <PageTitle>Ajouter un document</PageTitle>
      <p className="mt-4">
        Vous serez l&apos;auteur du document. Formats acceptés :{" "}
        {ACCEPTED_TYPES_LABEL}, {MAX_DOCUMENT_SIZE_LABEL} au maximum.
      </p>
      <UploadForm
        action={`${PRO_UPLOAD_PATH}?${PRO_DEPOSIT_FIELDS.patient}=${encodeURIComponent(personId)}`}
        fileField={PRO_DEPOSIT_FIELDS.file}
        accept={ACCEPT_ATTRIBUTE}
        fileHint={`${ACCEPTED_TYPES_LABEL}, ${MAX_DOCUMENT_SIZE_LABEL} au maximum.`}
        details={{
          fields: { title: PRO_DEPOSIT_FIELDS.title, date: PRO_DEPOSIT_FIELDS.date, category: PRO_DEPOSIT_FIELDS.category },
          titleMaxLength: DOCUMENT_TITLE_MAX_LENGTH,
          categoryLabel: "Type de document",
          categoryPlaceholder: "Choisissez un type de document",
          categoryOptions: TYPE_OPTIONS,
        }}
        hiddenFields={{ [PRO_DEPOSIT_FIELDS.patient]: personId }}
        initialMessage={typeof errorCode === "string" ? REDIRECT_MESSAGES[errorCode] : undefined}
      />
      <p className="mt-8">
        <Link href={proPatientPath(personId)} className="text-brand-700 underline">
          Retour au dossier du patient
        </Link>
      </p>
    </>
  );
}
