import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MessageForm } from "@/components/messaging/message-form";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { requireProfessional } from "@/lib/access/current-actor";
import { ACCEPTED_TYPES_LABEL, ACCEPT_ATTRIBUTE } from "@/lib/documents/file-types";
import { PRO_MESSAGE_UPLOAD_PATH } from "@/lib/messaging/paths";
import { BODY_MAX_LENGTH, MAX_MESSAGE_ATTACHMENTS, MAX_MESSAGE_ATTACHMENT_SIZE_LABEL, SUBJECT_MAX_LENGTH } from "@/lib/messaging/rules";
import { MESSAGE_FIELDS } from "@/lib/messaging/schemas";
import { proPatientPath } from "@/lib/professional-access/paths";
import { findPatientFor } from "@/lib/professional-access/reading";

export const metadata: Metadata = { title: "Écrire au patient" };

type ProWritePageProps = { params: Promise<{ personId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * « Écrire au patient »: a new conversation in the patient's secure mailbox, offered to a
 * professional who reaches the record (professionalMay "start-conversation"); anyone else finds
 * nothing here, and startConversationAsProfessional decides again on the post.
 */
export default async function ProWriteToPatientPage({ params, searchParams }: ProWritePageProps) {
  const actor = await requireProfessional();
  const { personId } = await params;
  const record = await findPatientFor({ actor, personId, now: new Date(), request: { kind: "start-conversation" } });
  if (record.status !== "found") notFound();
  const errorCode = (await searchParams).erreur;
  return (
    <>
      <PageTitle>Écrire au patient</PageTitle>
      <p className="mt-4">
        Message à {record.patient.fullName}, dans sa messagerie sécurisée Mon espace santé. Il sera prévenu par e-mail, sans le contenu du message.
      </p>
      <MessageForm
        action={`${PRO_MESSAGE_UPLOAD_PATH}?${MESSAGE_FIELDS.patient}=${encodeURIComponent(personId)}`}
        fields={MESSAGE_FIELDS}
        hasSubject
        subjectMaxLength={SUBJECT_MAX_LENGTH}
        bodyMaxLength={BODY_MAX_LENGTH}
        accept={ACCEPT_ATTRIBUTE}
        attachmentsHint={`Facultatif. ${ACCEPTED_TYPES_LABEL} ; ${MAX_MESSAGE_ATTACHMENTS} fichiers et ${MAX_MESSAGE_ATTACHMENT_SIZE_LABEL} au total au maximum.`}
        hiddenFields={{ [MESSAGE_FIELDS.patient]: personId }}
        initialMessage={typeof errorCode === "string" ? "Le message n'a pas été envoyé. Vérifiez l'objet, le message et les pièces jointes." : undefined}
      />
      <p className="mt-8">
        <Link href={proPatientPath(personId)} className="text-brand-700 underline">
          Retour au dossier du patient
        </Link>
      </p>
    </>
  );
}
