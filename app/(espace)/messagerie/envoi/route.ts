import { handleUpload } from "@/lib/documents/upload-request";
import { MESSAGE_UPLOAD_LIMITS, ATTACHMENTS_TOO_LARGE_MESSAGE } from "@/lib/messaging/attachments";
import { replyAsPatient, startConversationAsPatient } from "@/lib/messaging/mailbox";
import { MESSAGING_PATH, conversationPath } from "@/lib/messaging/paths";
import { MESSAGE_FIELDS } from "@/lib/messaging/schemas";
import { messageUploadOutcome, messageValuesOf } from "@/lib/messaging/upload-answers";
import { isUuid } from "@/lib/validation";

/**
 * The patient's messages with their attachments, read by the one upload path
 * (lib/documents/upload-request.ts, its streaming limit set to a message's 25 Mo): « Répondre »
 * in a conversation (its id in the form), or a new conversation with a professional who already
 * wrote (their id). Every rule is lib/messaging's.
 */
export async function POST(request: Request) {
  const named = new URL(request.url).searchParams.get(MESSAGE_FIELDS.conversation);
  return handleUpload(request, {
    formPath: named && isUuid(named) ? conversationPath(named) : MESSAGING_PATH,
    limits: MESSAGE_UPLOAD_LIMITS,
    tooLargeMessage: ATTACHMENTS_TOO_LARGE_MESSAGE,
    store: async (actor, form, now) => {
      const conversationId = form.fields[MESSAGE_FIELDS.conversation];
      const values = messageValuesOf(form);
      const result = conversationId
        ? await replyAsPatient({ actor, conversationId, values, form, now })
        : await startConversationAsPatient({ actor, professionalId: form.fields[MESSAGE_FIELDS.professional] ?? "", values, form, now });
      return messageUploadOutcome(result, form, (id) => (conversationId ? `${conversationPath(id)}?statut=envoye` : conversationPath(id)));
    },
  });
}
