import { findProfessionalActor } from "@/lib/access/current-actor";
import { handleUploadBy } from "@/lib/documents/upload-request";
import { ATTACHMENTS_TOO_LARGE_MESSAGE, MESSAGE_UPLOAD_LIMITS } from "@/lib/messaging/attachments";
import { startConversationAsProfessional, writeAsProfessional } from "@/lib/messaging/mailbox";
import { PRO_MESSAGING_PATH, proConversationPath, proWriteToPatientPath } from "@/lib/messaging/paths";
import { MESSAGE_FIELDS } from "@/lib/messaging/schemas";
import { messageUploadOutcome, messageValuesOf } from "@/lib/messaging/upload-answers";
import { isUuid } from "@/lib/validation";

/**
 * The professional's messages with their attachments, read by the one upload path for the
 * professional's session: « Écrire au patient » (the patient's id in the form) or a message in
 * one of their conversations (its id). Whether they may write is lib/messaging's, asking
 * lib/professional-access/decide.ts.
 */
export async function POST(request: Request) {
  const url = new URL(request.url);
  const conversation = url.searchParams.get(MESSAGE_FIELDS.conversation);
  const patient = url.searchParams.get(MESSAGE_FIELDS.patient);
  const formPath =
    conversation && isUuid(conversation) ? proConversationPath(conversation) : patient && isUuid(patient) ? proWriteToPatientPath(patient) : PRO_MESSAGING_PATH;
  return handleUploadBy(request, findProfessionalActor, {
    formPath,
    limits: MESSAGE_UPLOAD_LIMITS,
    tooLargeMessage: ATTACHMENTS_TOO_LARGE_MESSAGE,
    store: async (actor, form, now) => {
      const conversationId = form.fields[MESSAGE_FIELDS.conversation];
      const values = messageValuesOf(form);
      const result = conversationId
        ? await writeAsProfessional({ actor, conversationId, values, form, now })
        : await startConversationAsProfessional({ actor, personId: form.fields[MESSAGE_FIELDS.patient] ?? "", values, form, now });
      return messageUploadOutcome(result, form, (id) => `${proConversationPath(id)}?statut=envoye`);
    },
  });
}
