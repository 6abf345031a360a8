import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MessageForm } from "@/components/messaging/message-form";
import { MessageThread } from "@/components/messaging/message-thread";
import { RefreshAfterRead } from "@/components/messaging/refresh-after-read";
import { ReplyDisclosure } from "@/components/messaging/reply-disclosure";
import { SaveAttachmentForm } from "@/components/messaging/save-attachment-form";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { getDb } from "@/db/client";
import { ACCEPTED_TYPES_LABEL, ACCEPT_ATTRIBUTE } from "@/lib/documents/file-types";
import { CATEGORY_CHOICES, DOCUMENT_TITLE_MAX_LENGTH, findFolderChoices } from "@/lib/documents/upload";
import { formatDateFr } from "@/lib/format";
import { attachmentTitle } from "@/lib/messaging/attachments";
import { PATIENT_MESSAGE_UPLOAD_PATH, attachmentFilePath } from "@/lib/messaging/paths";
import { findConversation, openConversation } from "@/lib/messaging/queries";
import { BODY_MAX_LENGTH, MAX_MESSAGE_ATTACHMENTS, MAX_MESSAGE_ATTACHMENT_SIZE_LABEL, SUBJECT_MAX_LENGTH } from "@/lib/messaging/rules";
import { MESSAGE_FIELDS } from "@/lib/messaging/schemas";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { saveAttachmentAction } from "../actions";

type ConversationPageProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: ConversationPageProps): Promise<Metadata> {
  const actor = await requireOnboardedActor();
  const conversation = await findConversation({ actor, conversationId: (await params).id });
  return { title: conversation ? `${conversation.subject} – Messagerie` : "Conversation introuvable" };
}

/** What the JavaScript-less post's redirect says went wrong (the script shows each field's own message). */
const REDIRECT_MESSAGES: Record<string, string> = {
  taille: `Les pièces jointes dépassent ${MAX_MESSAGE_ATTACHMENT_SIZE_LABEL} au total.`,
  "1": "Le message n'a pas été envoyé. Vérifiez le message et les pièces jointes.",
};

export default async function ConversationPage({ params, searchParams }: ConversationPageProps) {
  const actor = await requireOnboardedActor();
  const { id } = await params;
  const query = await searchParams;
  // Scoped to the subject: someone else's conversation is "not found", exactly like a missing one.
  const conversation = await openConversation({ actor, conversationId: id, now: new Date() });
  if (!conversation) notFound();
  const hasAttachments = conversation.messages.some((message) => message.attachments.length > 0);
  const folders = hasAttachments ? await findFolderChoices(getDb(), { actor }) : [];
  const folderOptions = folders.map((folder) => ({ value: folder.id, label: folder.name }));
  const errorCode = query.erreur;
  return (
    <>
      <p>
        <Link href="/messagerie" className="text-brand-700 underline">
          <span aria-hidden="true">← </span>Retour à mes conversations
        </Link>
      </p>
      <PageTitle className="mt-4">{conversation.subject}</PageTitle>
      <p className="mt-2 text-slate-700">Avec {conversation.counterpartName}</p>
      {query.statut === "envoye" ? (
        <div className="mt-6">
          <Alert variant="success" role="status">
            Votre message a été envoyé.
          </Alert>
        </div>
      ) : null}
      <MessageThread
        messages={conversation.messages}
        attachmentHref={(attachmentId) => attachmentFilePath(conversation.id, attachmentId)}
        attachmentActions={(attachment, message) =>
          attachment.savedDocumentId ? (
            <p className="mt-1 text-sm text-slate-700">Enregistrée dans vos documents.</p>
          ) : (
            <SaveAttachmentForm
              action={saveAttachmentAction}
              conversationId={conversation.id}
              attachmentId={attachment.id}
              fileName={attachment.fileName}
              initial={{ title: attachmentTitle(attachment.fileName).slice(0, DOCUMENT_TITLE_MAX_LENGTH), date: formatDateFr(message.sentAt) }}
              titleMaxLength={DOCUMENT_TITLE_MAX_LENGTH}
              categoryOptions={CATEGORY_CHOICES}
              folderOptions={folderOptions}
            />
          )
        }
      />
      {conversation.newlyReadCount > 0 ? <RefreshAfterRead /> : null}
      {conversation.professionalId === null ? null : conversation.mayReply ? (
        <ReplyDisclosure isOpenInitially={typeof errorCode === "string"}>
          <h2 className="text-xl font-bold text-brand-900">Votre réponse</h2>
          <MessageForm
            action={`${PATIENT_MESSAGE_UPLOAD_PATH}?${MESSAGE_FIELDS.conversation}=${encodeURIComponent(conversation.id)}`}
            fields={MESSAGE_FIELDS}
            hasSubject={false}
            subjectMaxLength={SUBJECT_MAX_LENGTH}
            bodyMaxLength={BODY_MAX_LENGTH}
            accept={ACCEPT_ATTRIBUTE}
            attachmentsHint={`Facultatif. ${ACCEPTED_TYPES_LABEL} ; ${MAX_MESSAGE_ATTACHMENTS} fichiers et ${MAX_MESSAGE_ATTACHMENT_SIZE_LABEL} au total au maximum.`}
            hiddenFields={{ [MESSAGE_FIELDS.conversation]: conversation.id }}
            initialMessage={typeof errorCode === "string" ? REDIRECT_MESSAGES[errorCode] : undefined}
          />
        </ReplyDisclosure>
      ) : (
        <div className="mt-10">
          <Alert variant="info" title="Échange clos">
            {conversation.counterpartName} a clos cet échange : vous ne pouvez pas répondre tant qu&apos;il ne vous a pas écrit de nouveau.
          </Alert>
        </div>
      )}
    </>
  );
}
