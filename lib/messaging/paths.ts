/** The patient's pages of the secure mailbox (app/(espace)/(frame)/messagerie). */
export const MESSAGING_PATH = "/messagerie";
export const NEW_CONVERSATION_PATH = "/messagerie/nouveau";

export function conversationPath(conversationId: string): string {
  return `${MESSAGING_PATH}/${conversationId}`;
}

/** An attachment's bytes for the patient, inline; `?telechargement=1` for a download. */
export function attachmentFilePath(conversationId: string, attachmentId: string): string {
  return `${conversationPath(conversationId)}/pieces-jointes/${attachmentId}`;
}

/** The patient's multipart posts (streamed uploads: in STREAMED_UPLOAD_PATHS). */
export const PATIENT_MESSAGE_UPLOAD_PATH = "/messagerie/envoi";

/** The professional's side (app/pro/(frame)/messagerie). */
export const PRO_MESSAGING_PATH = "/pro/messagerie";

export function proConversationPath(conversationId: string): string {
  return `${PRO_MESSAGING_PATH}/${conversationId}`;
}

export function proWriteToPatientPath(personId: string): string {
  return `/pro/patients/${personId}/ecrire`;
}

export function proAttachmentFilePath(conversationId: string, attachmentId: string): string {
  return `${proConversationPath(conversationId)}/pieces-jointes/${attachmentId}`;
}

export const PRO_MESSAGE_UPLOAD_PATH = "/pro/messagerie/envoi";
