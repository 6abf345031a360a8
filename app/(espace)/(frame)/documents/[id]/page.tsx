import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { DeleteDocumentForm } from "@/components/documents/delete-document-form";
import { DocumentDetailsForm } from "@/components/documents/document-details-form";
import { DocumentPreview } from "@/components/documents/document-preview";
import { DocumentSwitchForm } from "@/components/documents/document-switch-form";
import { MoveDocumentForm } from "@/components/documents/move-document-form";
import { ReportDocumentForm } from "@/components/documents/report-document-form";
import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { DOCUMENT_CATEGORY_LABELS, PATIENT_DOCUMENT_CATEGORIES } from "@/lib/documents/categories";
import { formatByteSize, isPreviewable, mediaTypeLabel } from "@/lib/documents/media-types";
import { ADDED_STATUS, DOCUMENTS_PATH, documentDownloadPath, documentFilePath } from "@/lib/documents/paths";
import { findDocument, findFolders } from "@/lib/documents/queries";
import { documentRules } from "@/lib/documents/rules";
import { formatDateFr, formatDateTimeFr } from "@/lib/format";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import {
  changePinAction,
  changeVisibilityAction,
  deleteDocumentAction,
  moveDocumentAction,
  reportDocumentAction,
  updateDocumentDetailsAction,
} from "./actions";

type DocumentPageProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: DocumentPageProps): Promise<Metadata> {
  const actor = await requireOnboardedActor();
  const document = await findDocument({ actor, documentId: (await params).id });
  return { title: document ? `${document.title} – Documents` : "Document introuvable" };
}

const categoryOptions = PATIENT_DOCUMENT_CATEGORIES.map((code) => ({ value: code, label: DOCUMENT_CATEGORY_LABELS[code] }));

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="text-xl font-bold text-brand-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="font-semibold text-slate-900">{term}</dt>
      <dd className="break-words text-slate-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

export default async function DocumentPage({ params, searchParams }: DocumentPageProps) {
  const actor = await requireOnboardedActor();
  // Scoped to the subject: someone else's document is "not found", exactly like a missing one.
  const document = await findDocument({ actor, documentId: (await params).id });
  if (!document) notFound();
  const { capabilities } = document;
  // The upload leads here (lib/documents/paths.ts addedDocumentPath): say that it went through.
  const isJustAdded = (await searchParams).statut === ADDED_STATUS;
  const folders = capabilities.mayMove ? await findFolders({ actor }) : [];
  const folderOptions = [{ value: "", label: "Aucun dossier" }, ...folders.map((folder) => ({ value: folder.id, label: folder.name }))];
  return (
    <>
      <p>
        <Link href={DOCUMENTS_PATH} className="text-brand-700 underline">
          <span aria-hidden="true">← </span>Retour à mes documents
        </Link>
      </p>
      <PageTitle className="mt-4 break-words">{document.title}</PageTitle>
      {isJustAdded ? (
        <div role="status" className="mt-4">
          <Alert variant="success">
            <h2 className="font-semibold">Le document « {document.title} » a été ajouté à vos documents.</h2>
          </Alert>
        </div>
      ) : null}
      {document.authorNotice ? (
        <div className="mt-4">
          <Alert variant="info">{document.authorNotice}</Alert>
        </div>
      ) : null}
      {document.reportedAt ? (
        <div className="mt-4">
          <Alert variant="info">Vous avez signalé un problème sur ce document le {formatDateFr(document.reportedAt)}.</Alert>
        </div>
      ) : null}

      <dl className="mt-6 divide-y divide-slate-200 border-y border-slate-200">
        <Detail term="Date du document">{formatDateFr(document.documentDate)}</Detail>
        <Detail term="Catégorie">{document.categoryLabel}</Detail>
        <Detail term="Dossier">{document.folderName ?? "Aucun dossier"}</Detail>
        <Detail term="Ajouté par">{document.authorName}</Detail>
        <Detail term="Ajouté le">{formatDateTimeFr(document.uploadedAt)}</Detail>
        <Detail term="Format">
          {mediaTypeLabel(document.mediaType)}, {formatByteSize(document.byteSize)}
        </Detail>
        <Detail term="Visibilité">
          {document.isHiddenFromProfessionals ? "Masqué aux professionnels de santé" : "Visible par les professionnels de santé autorisés"}
        </Detail>
        <Detail term="Épinglé">{document.isPinned ? "Oui, en tête de la liste" : "Non"}</Detail>
      </dl>

      <div className="mt-6 flex flex-col gap-3 sm:flex-row sm:flex-wrap">
        <a href={documentDownloadPath(document.id)} className={buttonClassName()}>
          Télécharger
        </a>
        {capabilities.mayChangeVisibility ? (
          <DocumentSwitchForm
            action={changeVisibilityAction}
            fields={{ documentId: document.id, isHidden: document.isHiddenFromProfessionals ? "non" : "oui" }}
            label={document.isHiddenFromProfessionals ? "Rendre visible" : "Masquer aux professionnels"}
          />
        ) : null}
        {capabilities.mayPin ? (
          <DocumentSwitchForm
            action={changePinAction}
            fields={{ documentId: document.id, isPinned: document.isPinned ? "non" : "oui" }}
            label={document.isPinned ? "Désépingler" : "Épingler"}
          />
        ) : null}
      </div>

      <Section id="apercu" title="Aperçu">
        {isPreviewable(document.mediaType) ? (
          <>
            <DocumentPreview document={document} className="mt-4 h-[70vh] w-full rounded border border-slate-300 bg-white" />
            <p className="mt-2 text-sm text-slate-700">
              L&apos;aperçu ne s&apos;affiche pas ?{" "}
              <a href={documentFilePath(document.id)} target="_blank" rel="noopener" className="text-brand-700 underline">
                Ouvrir le document dans un nouvel onglet
              </a>
              .
            </p>
          </>
        ) : (
          <p className="mt-4">
            Ce format ({mediaTypeLabel(document.mediaType)}) ne peut pas être affiché ici : téléchargez le document pour l&apos;ouvrir.
          </p>
        )}
      </Section>

      {capabilities.mayEdit ? (
        <Section id="modifier" title="Modifier le document">
          <DocumentDetailsForm
            action={updateDocumentDetailsAction}
            documentId={document.id}
            current={{ title: document.title, documentDate: formatDateFr(document.documentDate), category: document.category }}
            categoryOptions={categoryOptions}
            titleMaxLength={documentRules.titleMaxLength}
          />
        </Section>
      ) : null}

      {capabilities.mayMove ? (
        <Section id="ranger" title="Ranger dans un dossier">
          <MoveDocumentForm action={moveDocumentAction} documentId={document.id} folderId={document.folderId} folderOptions={folderOptions} />
        </Section>
      ) : null}

      {capabilities.mayReport ? (
        <Section id="signaler" title="Signaler un problème">
          <ReportDocumentForm action={reportDocumentAction} documentId={document.id} reasonMaxLength={documentRules.reportReasonMaxLength} />
        </Section>
      ) : null}

      {capabilities.mayDelete ? (
        <Section id="supprimer" title="Supprimer le document">
          <DeleteDocumentForm action={deleteDocumentAction} documentId={document.id} title={document.title} />
        </Section>
      ) : null}
    </>
  );
}
