import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CloseConversationForm } from "@/components/messaging/close-conversation-form";
import { MessageForm } from "@/components/messaging/message-form";
import { MessageThread } from "@/components/messaging/message-thread";
import { RefreshAfterRead } from "@/components/messaging/refresh-after-read";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { requireProfessional } from "@/lib/access/current-actor";
import { ACCEPTED_TYPES_LABEL, ACCEPT_ATTRIBUTE } from "@/lib/documents/file-types";
import { PRO_MESSAGE_UPLOAD_PATH, PRO_MESSAGING_PATH, proAttachmentFilePath } from "@/lib/messaging/paths";
import { openProfessionalConversation } from "@/lib/messaging/professional-queries";
import { BODY_MAX_LENGTH, MAX_MESSAGE_ATTACHMENTS, MAX_MESSAGE_ATTACHMENT_SIZE_LABEL, SUBJECT_MAX_LENGTH } from "@/lib/messaging/rules";
import { MESSAGE_FIELDS } from "@/lib/messaging/schemas";
import { proPatientPath } from "@/lib/professional-access/paths";
import { closeConversationAction } from "../actions";

export const metadata: Metadata = { title: "Conversation – Messagerie professionnelle" };

type ProConversationPageProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One of the professional's conversations: the thread (read on their side), a new message, « Clore l'échange ». */
export default async function ProConversationPage({ params, searchParams }: ProConversationPageProps) {
  const actor = await requireProfessional();
  const { id } = await params;
  const query = await searchParams;
  const conversation = await openProfessionalConversation({ actor, conversationId: id, now: new Date() });
  if (!conversation) notFound();
  return (
    <>
      <p>
        <Link href={PRO_MESSAGING_PATH} className="text-brand-700 underline">
          <span aria-hidden="true">← </span>Retour à mes conversations
        </Link>
      </p>
      <PageTitle className="mt-4">{conversation.subject}</PageTitle>
      <p className="mt-2 text-slate-700">
        Avec{" "}
        <Link href={proPatientPath(conversation.personId)} className="text-brand-700 underline">
          {conversation.patientName}
        </Link>
      </p>
      {query.statut === "envoye" ? (
        <div className="mt-6">
          <Alert variant="success" role="status">
            Votre message a été envoyé.
          </Alert>
        </div>
      ) : null}
      <MessageThread messages={conversation.messages} attachmentHref={(attachmentId) => proAttachmentFilePath(conversation.id, attachmentId)} />
      {conversation.newlyReadCount > 0 ? <RefreshAfterRead /> : null}
      {conversation.closedAt ? (
        <div className="mt-8">
          <Alert variant="info" title="Échange clos">
            Le patient ne peut pas répondre tant que vous ne lui écrivez pas de nouveau.
          </Alert>
        </div>
      ) : null}
      {conversation.mayWrite ? (
        <>
          <section aria-labelledby="ecrire" className="mt-10">
            <h2 id="ecrire" className="text-xl font-bold text-slate-900">
              Nouveau message
            </h2>
            <MessageForm
              action={`${PRO_MESSAGE_UPLOAD_PATH}?${MESSAGE_FIELDS.conversation}=${encodeURIComponent(conversation.id)}`}
              fields={MESSAGE_FIELDS}
              hasSubject={false}
              subjectMaxLength={SUBJECT_MAX_LENGTH}
              bodyMaxLength={BODY_MAX_LENGTH}
              accept={ACCEPT_ATTRIBUTE}
              attachmentsHint={`Facultatif. ${ACCEPTED_TYPES_LABEL} ; ${MAX_MESSAGE_ATTACHMENTS} fichiers et ${MAX_MESSAGE_ATTACHMENT_SIZE_LABEL} au total au maximum.`}
              hiddenFields={{ [MESSAGE_FIELDS.conversation]: conversation.id }}
              initialMessage={typeof query.erreur === "string" ? "Le message n'a pas été envoyé. Vérifiez le message et les pièces jointes." : undefined}
            />
          </section>
          {conversation.closedAt ? null : (
            <section aria-labelledby="clore" className="mt-10">
              <h2 id="clore" className="text-xl font-bold text-slate-900">
                Clore l&apos;échange
              </h2>
              <CloseConversationForm action={closeConversationAction} conversationId={conversation.id} />
            </section>
          )}
        </>
      ) : (
        <p className="mt-8">Le patient vous a bloqué : vous ne pouvez plus lui écrire.</p>
      )}
    </>
  );
}
