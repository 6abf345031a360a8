import "server-only";
import { randomUUID } from "node:crypto";
import type { Executor } from "@/db/client";
import { messageAttachments } from "@/db/schema";
import { type StoredDocument, decryptStoredDocument } from "@/lib/documents/content";
import { encryptDocument } from "@/lib/documents/encryption";
import { type DocumentMediaType, detectDocumentType } from "@/lib/documents/file-types";
import { getMasterKeyRing } from "@/lib/documents/master-keys";
import { getCurrentDocumentStore } from "@/lib/documents/storage";
import type { UploadForm, UploadLimits } from "@/lib/documents/upload";
import { MAX_MESSAGE_ATTACHMENTS, MAX_MESSAGE_ATTACHMENT_BYTES, MAX_MESSAGE_ATTACHMENT_SIZE_LABEL } from "./rules";
import { MESSAGE_FIELDS } from "./schemas";

/** What a message's multipart post may carry (lib/documents/upload-request.ts reads it as it streams). */
export const MESSAGE_UPLOAD_LIMITS: UploadLimits = {
  fileField: MESSAGE_FIELDS.attachments,
  maxFiles: MAX_MESSAGE_ATTACHMENTS,
  maxTotalBytes: MAX_MESSAGE_ATTACHMENT_BYTES,
  // A message of BODY_MAX_LENGTH characters, each up to 4 bytes in UTF-8.
  maxFieldBytes: 32 * 1024,
};

export const ATTACHMENTS_TOO_LARGE_MESSAGE = `Les pièces jointes dépassent ${MAX_MESSAGE_ATTACHMENT_SIZE_LABEL} au total. Retirez-en ou choisissez des fichiers plus légers.`;

export type CheckedAttachment = { fileName: string; bytes: Buffer; mediaType: DocumentMediaType };

export type CheckedAttachments = { status: "accepted"; attachments: CheckedAttachment[] } | { status: "refused"; message: string };

/** A file name as the list shows it and a download names it: its last path segment, without control characters, at most 120 characters. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (cleaned || "piece-jointe").slice(0, 120);
}

/**
 * A message's files under the documents' type rules (the bytes decide, and the name must agree)
 * and the message's limits: at most 10 files, 25 Mo together. The first refused file is named.
 */
export async function checkAttachments(form: Pick<UploadForm, "files" | "hasTooManyFiles">): Promise<CheckedAttachments> {
  const files = form.files ?? [];
  if (form.hasTooManyFiles || files.length > MAX_MESSAGE_ATTACHMENTS) {
    return { status: "refused", message: `Joignez au plus ${MAX_MESSAGE_ATTACHMENTS} fichiers à un message.` };
  }
  const total = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  if (total > MAX_MESSAGE_ATTACHMENT_BYTES) return { status: "refused", message: ATTACHMENTS_TOO_LARGE_MESSAGE };
  const attachments: CheckedAttachment[] = [];
  for (const file of files) {
    const fileName = cleanFileName(file.name);
    if (file.bytes.byteLength === 0) return { status: "refused", message: `Le fichier « ${fileName} » est vide.` };
    const detected = await detectDocumentType(file.bytes, file.name);
    if (detected.status === "refused") return { status: "refused", message: `« ${fileName} » : ${detected.message}` };
    attachments.push({ fileName, bytes: file.bytes, mediaType: detected.mediaType });
  }
  return { status: "accepted", attachments };
}

/**
 * Stores a message's files encrypted exactly as documents are (a fresh data key per file, bound
 * to the attachment's id and owner) in the documents' current store, in the caller's
 * transaction. A disk or S3 object whose transaction then rolls back is an orphan for
 * `npm run documents:sweep`, which knows attachments' keys too.
 */
export async function storeAttachments(
  executor: Executor,
  { messageId, personId, attachments, now }: { messageId: string; personId: string; attachments: CheckedAttachment[]; now: Date },
): Promise<void> {
  const store = getCurrentDocumentStore();
  const ring = getMasterKeyRing();
  for (const attachment of attachments) {
    const id = randomUUID();
    const storageKey = randomUUID();
    const encrypted = encryptDocument(attachment.bytes, { documentId: id, personId }, ring);
    await store.put(executor, storageKey, encrypted.object);
    await executor.insert(messageAttachments).values({
      id,
      messageId,
      personId,
      fileName: attachment.fileName,
      mediaType: attachment.mediaType,
      byteSize: attachment.bytes.byteLength,
      storage: store.kind,
      storageKey,
      masterKeyId: encrypted.masterKeyId,
      wrappedDataKey: encrypted.wrappedDataKey,
      createdAt: now,
    });
  }
}

/** The columns that locate and unlock an attachment's bytes, in the shape decryptStoredDocument reads. */
export const STORED_ATTACHMENT_COLUMNS = {
  id: messageAttachments.id,
  personId: messageAttachments.personId,
  storage: messageAttachments.storage,
  storageKey: messageAttachments.storageKey,
  masterKeyId: messageAttachments.masterKeyId,
  wrappedDataKey: messageAttachments.wrappedDataKey,
} as const;

/** An attachment's bytes, decrypted and authenticated by the documents' one reader; null (and logged) when they fail. */
export function decryptAttachment(executor: Executor, row: StoredDocument): Promise<Buffer | null> {
  return decryptStoredDocument(executor, row);
}

/** "compte-rendu.pdf" → "compte-rendu": the title a preview, a download or Documents starts from. */
export function attachmentTitle(fileName: string): string {
  return fileName.replace(/\.[a-z0-9]{1,5}$/i, "") || fileName;
}
