/**
 * The rules of the secure mailbox (SPEC §6 « Messagerie », reference mes-data-model §1.6), as pure
 * functions of what lib/messaging reads: who may write in a conversation, and the limits of a
 * message. Whether a professional may write at all is lib/professional-access/decide.ts's answer
 * (requests "start-conversation" and "write-in-conversation").
 */

/** 25 Mo of attachments per message, all files together. */
export const MAX_MESSAGE_ATTACHMENT_BYTES = 25 * 1024 * 1024;
export const MAX_MESSAGE_ATTACHMENT_SIZE_LABEL = "25 Mo";
/** How many files one message may carry. */
export const MAX_MESSAGE_ATTACHMENTS = 10;
export const SUBJECT_MAX_LENGTH = 100;
export const BODY_MAX_LENGTH = 5000;

export type ConversationFacts = {
  /** Null for the service's own conversation (the welcome message). */
  professionalId: string | null;
  /** The professional closed the exchange (« [FIN] ») and has not written since. */
  closedAt: Date | null;
};

/**
 * Whether the patient may reply in this conversation: only to a professional, and not after the
 * professional closed the exchange, until they write again.
 */
export function patientMayReply(conversation: ConversationFacts): boolean {
  return conversation.professionalId !== null && conversation.closedAt === null;
}

/**
 * Whether the patient may start a new conversation with `professionalId`: only with a
 * professional who has already written to them (`correspondents`, the professionals of their
 * mailbox); never with another patient, who has no such id.
 */
export function patientMayStartWith(professionalId: string, correspondents: ReadonlySet<string>): boolean {
  return correspondents.has(professionalId);
}

/** Whether the professional may close this exchange: their own, open, conversation. */
export function professionalMayClose(conversation: ConversationFacts, professionalId: string): boolean {
  return conversation.professionalId === professionalId && conversation.closedAt === null;
}
