import type { Metadata } from "next";
import { MessageForm } from "@/components/messaging/message-form";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { ACCEPTED_TYPES_LABEL, ACCEPT_ATTRIBUTE } from "@/lib/documents/file-types";
import { MESSAGING_PATH, PATIENT_MESSAGE_UPLOAD_PATH } from "@/lib/messaging/paths";
import { findCorrespondents } from "@/lib/messaging/queries";
import { BODY_MAX_LENGTH, MAX_MESSAGE_ATTACHMENTS, MAX_MESSAGE_ATTACHMENT_SIZE_LABEL, SUBJECT_MAX_LENGTH } from "@/lib/messaging/rules";
import { MESSAGE_FIELDS } from "@/lib/messaging/schemas";
import { requireOnboardedActor } from "@/lib/onboarding/guard";

export const metadata: Metadata = { title: "Écrire à un professionnel – Messagerie" };

/** A new conversation, only with a professional who has already written to the patient (startConversationAsPatient decides). */
export default async function NewConversationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireOnboardedActor();
  const correspondents = await findCorrespondents({ actor });
  const errorCode = (await searchParams).erreur;
  return (
    <>
      <p>
        <Link href={MESSAGING_PATH} className="text-brand-700 underline">
          <span aria-hidden="true">← </span>Retour à mes conversations
        </Link>
      </p>
      <PageTitle className="mt-4">Écrire à un professionnel</PageTitle>
      {correspondents.length === 0 ? (
        <p className="mt-6">
          Seul un professionnel de santé peut débuter un échange. Vous pourrez écrire à un professionnel dès qu&apos;il vous aura envoyé un message.
        </p>
      ) : (
        <>
          <p className="mt-4">Vous pouvez écrire aux professionnels de santé qui vous ont déjà envoyé un message.</p>
          <MessageForm
            action={PATIENT_MESSAGE_UPLOAD_PATH}
            fields={MESSAGE_FIELDS}
            hasSubject
            subjectMaxLength={SUBJECT_MAX_LENGTH}
            bodyMaxLength={BODY_MAX_LENGTH}
            professionalOptions={correspondents.map((correspondent) => ({ value: correspondent.professionalId, label: correspondent.name }))}
            accept={ACCEPT_ATTRIBUTE}
            attachmentsHint={`Facultatif. ${ACCEPTED_TYPES_LABEL} ; ${MAX_MESSAGE_ATTACHMENTS} fichiers et ${MAX_MESSAGE_ATTACHMENT_SIZE_LABEL} au total au maximum.`}
            hiddenFields={{}}
            initialMessage={typeof errorCode === "string" ? "Le message n'a pas été envoyé. Vérifiez le professionnel, l'objet, le message et les pièces jointes." : undefined}
          />
        </>
      )}
    </>
  );
}
