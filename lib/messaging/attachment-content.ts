import "server-only";
import { and, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { conversations, messageAttachments, messages } from "@/db/schema";
import type { Actor, ProfessionalActor } from "@/lib/access/actor";
import { type ActivityEventInput, activityOf, recordActivity } from "@/lib/activity/record";
import type { DocumentContentAnswer } from "@/lib/documents/content-response";
import { isDocumentMediaType } from "@/lib/documents/file-types";
import { professionalActivityOf } from "@/lib/professional-access/activity";
import { isUuid } from "@/lib/validation";
import { STORED_ATTACHMENT_COLUMNS, attachmentTitle, decryptAttachment } from "./attachments";

export type AttachmentPurpose = "open" | "download";

/**
 * An attachment's bytes for whoever may read its conversation: `scope` says which conversations
 * that is (the patient's mailbox, or the professional's own conversations). Served by
 * documentContentResponse exactly as a document is; its event names the reader.
 */
async function readAttachment(
  executor: Executor,
  {
    conversationId,
    attachmentId,
    purpose,
    now,
    isReachable,
    activity,
  }: {
    conversationId: string;
    attachmentId: string;
    purpose: AttachmentPurpose;
    now: Date;
    isReachable: ReturnType<typeof eq>;
    activity: (personId: string) => Pick<ActivityEventInput, "subjectPersonId" | "actor" | "onBehalfOf">;
  },
): Promise<DocumentContentAnswer> {
  if (!isUuid(conversationId) || !isUuid(attachmentId)) return { status: "not-found" };
  const [row] = await executor
    .select({ ...STORED_ATTACHMENT_COLUMNS, fileName: messageAttachments.fileName, mediaType: messageAttachments.mediaType })
    .from(messageAttachments)
    .innerJoin(messages, eq(messages.id, messageAttachments.messageId))
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(messageAttachments.id, attachmentId), eq(conversations.id, conversationId), isReachable))
    .limit(1);
  if (!row || !isDocumentMediaType(row.mediaType)) return { status: "not-found" };
  const bytes = await decryptAttachment(executor, row);
  if (!bytes) return { status: "refused" };
  await recordActivity(executor, {
    ...activity(row.personId),
    action: purpose === "open" ? "messaging.attachment-opened" : "messaging.attachment-downloaded",
    target: { type: "message_attachment", id: row.id },
    at: now,
  });
  return { status: "found", title: attachmentTitle(row.fileName), mediaType: row.mediaType, bytes };
}

export function readPatientAttachment(options: { actor: Actor; conversationId: string; attachmentId: string; purpose: AttachmentPurpose; now: Date }) {
  const { actor, ...rest } = options;
  return readAttachment(getDb(), { ...rest, isReachable: eq(conversations.personId, actor.subject.personId), activity: () => activityOf(actor) });
}

export function readProfessionalAttachment(options: {
  actor: ProfessionalActor;
  conversationId: string;
  attachmentId: string;
  purpose: AttachmentPurpose;
  now: Date;
}) {
  const { actor, ...rest } = options;
  return readAttachment(getDb(), {
    ...rest,
    isReachable: eq(conversations.professionalId, actor.professional.id),
    activity: (personId) => professionalActivityOf(actor, personId),
  });
}
