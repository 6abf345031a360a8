import "server-only";
import { and, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { conversations, messageAttachments, messages } from "@/db/schema";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";
import { activityOf } from "@/lib/activity/record";
import { patientAuthorOf } from "@/lib/documents/authors";
import { storeDocument } from "@/lib/documents/content";
import { isDocumentMediaType } from "@/lib/documents/file-types";
import { isSubjectFolder } from "@/lib/documents/upload";
import type { FieldErrors } from "@/lib/form-state";
import { fieldErrorsOf, isUuid } from "@/lib/validation";
import { STORED_ATTACHMENT_COLUMNS, decryptAttachment } from "./attachments";
import { SAVE_ATTACHMENT_FIELDS, saveAttachmentSchema } from "./schemas";

export { SAVE_ATTACHMENT_FIELDS };

export type SaveAttachmentResult =
  | { status: "saved"; documentId: string }
  | { status: "invalid"; fieldErrors: FieldErrors }
  | { status: "not-found" }
  /** The stored bytes failed authentication: nothing is filed. */
  | { status: "refused" };

/**
 * « Ajouter à mes documents »: a copy of an attachment of the subject's mailbox filed into
 * Documents with the title, date, category and folder the patient chose, authored by whoever sent
 * it (the professional: the patient may then mask, pin, move or report it, not edit it). The
 * attachment stays in the message. Through storeDocument, the one way a document enters a record.
 */
export async function saveAttachmentToDocuments(
  { actor, conversationId, attachmentId, values, now }: { actor: Actor; conversationId: string; attachmentId: string; values: Record<string, unknown>; now: Date },
  executor: Executor = getDb(),
): Promise<SaveAttachmentResult> {
  if (!isUuid(conversationId) || !isUuid(attachmentId)) return { status: "not-found" };
  const [row] = await executor
    .select({
      ...STORED_ATTACHMENT_COLUMNS,
      mediaType: messageAttachments.mediaType,
      senderKind: messages.senderKind,
      senderProfessionalId: messages.senderProfessionalId,
      senderName: messages.senderName,
    })
    .from(messageAttachments)
    .innerJoin(messages, eq(messages.id, messageAttachments.messageId))
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(messageAttachments.id, attachmentId), eq(conversations.id, conversationId), isOwnedBySubject(actor, conversations.personId)))
    .limit(1);
  if (!row || !isDocumentMediaType(row.mediaType)) return { status: "not-found" };
  const parsed = saveAttachmentSchema(now).safeParse(values);
  const fieldErrors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const folderId = parsed.success ? (parsed.data[SAVE_ATTACHMENT_FIELDS.folder] as string | null) : null;
  if (folderId && !(await isSubjectFolder(executor, actor, folderId))) fieldErrors[SAVE_ATTACHMENT_FIELDS.folder] = ["Choisissez un dossier de la liste."];
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { status: "invalid", fieldErrors };
  const bytes = await decryptAttachment(executor, row);
  if (!bytes) return { status: "refused" };
  const author =
    row.senderKind === "professional"
      ? { authorKind: "professional" as const, authorAccountId: null, authorProfessionalId: row.senderProfessionalId, authorName: row.senderName }
      : await patientAuthorOf(executor, actor);
  return executor.transaction(async (tx) => {
    const { documentId } = await storeDocument(tx, {
      personId: row.personId,
      title: parsed.data[SAVE_ATTACHMENT_FIELDS.title] as string,
      documentDate: parsed.data[SAVE_ATTACHMENT_FIELDS.date] as string,
      category: parsed.data[SAVE_ATTACHMENT_FIELDS.category] as Parameters<typeof storeDocument>[1]["category"],
      folderId,
      ...author,
      bytes,
      mediaType: row.mediaType as Parameters<typeof storeDocument>[1]["mediaType"],
      recordedAs: activityOf(actor),
      now,
    });
    await tx.update(messageAttachments).set({ savedDocumentId: documentId }).where(eq(messageAttachments.id, row.id));
    return { status: "saved", documentId } as const;
  });
}
