import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documentSettings, documents } from "@/db/schema";
import type { documentAuthorKindEnum } from "@/db/schema/documents";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";
import { type ActivityEventInput, activityOf, recordActivity } from "@/lib/activity/record";
import { isUuid } from "@/lib/validation";
import type { DocumentCategory } from "./categories";
import { type DocumentTypeCode, patientDocumentTypeOf } from "./document-types";
import { DocumentDecryptionError, decryptDocument, encryptDocument } from "./encryption";
import { type DocumentMediaType, isDocumentMediaType } from "./file-types";
import { getMasterKeyRing } from "./master-keys";
import { type StorageKind, getCurrentDocumentStore, getDocumentStore } from "./storage";

export type DocumentAuthorKind = (typeof documentAuthorKindEnum.enumValues)[number];

export type StoreDocumentInput = {
  personId: string;
  title: string;
  /** "YYYY-MM-DD". */
  documentDate: string;
  category: DocumentCategory;
  /** Unset: the category's own code for what a patient adds (DOCPAT…); a professional gives theirs. */
  typeCode?: DocumentTypeCode;
  folderId?: string | null;
  authorKind: DocumentAuthorKind;
  authorAccountId: string | null;
  /** The professional of the directory who added it (authorKind "professional"), if any. */
  authorProfessionalId?: string | null;
  authorName: string;
  bytes: Uint8Array;
  mediaType: DocumentMediaType;
  /** Unset: the person's default for new documents (document_settings), itself false by default. */
  isHiddenFromProfessionals?: boolean;
  /** Who is adding it, for the activity history; the subject is `personId`. */
  recordedAs: Pick<ActivityEventInput, "actor" | "onBehalfOf" | "isEmergency">;
  now: Date;
};

/**
 * The one way a document enters a record: the patient's upload, and documents the service makes
 * (the synthesis, advance directives) or a professional adds. The bytes are encrypted under a
 * fresh data key bound to the new id and owner; the row, its activity event ("documents.added")
 * and, for the database store, the object commit in one transaction. A disk or S3 object is
 * written before that transaction and removed if it fails; if the process dies in between, the
 * object is an orphan no row points to, which `npm run documents:sweep` removes.
 *
 * Called with an open transaction, the document's writes run in a savepoint of it: should that
 * outer transaction roll back later, a disk/S3 object stays behind for the sweep.
 */
export async function storeDocument(executor: Executor, input: StoreDocumentInput): Promise<{ documentId: string }> {
  const documentId = randomUUID();
  const store = getCurrentDocumentStore();
  const storageKey = randomUUID();
  const encrypted = encryptDocument(input.bytes, { documentId, personId: input.personId }, getMasterKeyRing());
  const isExternal = store.kind !== "database";
  if (isExternal) await store.put(executor, storageKey, encrypted.object);
  try {
    await executor.transaction(async (tx) => {
      if (!isExternal) await store.put(tx, storageKey, encrypted.object);
      const isHiddenFromProfessionals = input.isHiddenFromProfessionals ?? (await isHiddenByDefault(tx, input.personId));
      await tx.insert(documents).values({
        id: documentId,
        personId: input.personId,
        title: input.title,
        documentDate: input.documentDate,
        category: input.category,
        typeCode: input.typeCode ?? patientDocumentTypeOf(input.category),
        folderId: input.folderId ?? null,
        authorKind: input.authorKind,
        authorAccountId: input.authorAccountId,
        authorProfessionalId: input.authorProfessionalId ?? null,
        authorName: input.authorName,
        mediaType: input.mediaType,
        byteSize: input.bytes.byteLength,
        isHiddenFromProfessionals,
        uploadedAt: input.now,
        storage: store.kind,
        storageKey,
        masterKeyId: encrypted.masterKeyId,
        wrappedDataKey: encrypted.wrappedDataKey,
      });
      await recordActivity(tx, {
        subjectPersonId: input.personId,
        ...input.recordedAs,
        action: "documents.added",
        target: { type: "document", id: documentId },
        at: input.now,
      });
    });
  } catch (error) {
    if (isExternal) await store.remove(executor, storageKey).catch(() => undefined);
    throw error;
  }
  return { documentId };
}

async function isHiddenByDefault(executor: Executor, personId: string): Promise<boolean> {
  const [settings] = await executor
    .select({ isHidden: documentSettings.hideNewDocumentsFromProfessionals })
    .from(documentSettings)
    .where(eq(documentSettings.personId, personId));
  return settings?.isHidden ?? false;
}

export type DocumentContentPurpose = "open" | "download";

export type DocumentContent =
  | { status: "found"; title: string; mediaType: DocumentMediaType; bytes: Buffer }
  | { status: "not-found" }
  /** The stored bytes do not decrypt (tampered, truncated, swapped, missing, or an unknown key): never served. */
  | { status: "refused" };

/**
 * A document's bytes for the actor's subject, decrypted and authenticated, with its event
 * ("documents.opened" for the preview, "documents.downloaded"). Another person's document, or an
 * id that is none, is not found; bytes that fail authentication are refused and logged, and
 * nothing is recorded.
 */
export async function readDocumentContent(
  executor: Executor,
  { actor, documentId, purpose, now }: { actor: Actor; documentId: string; purpose: DocumentContentPurpose; now: Date },
): Promise<DocumentContent> {
  if (!isUuid(documentId)) return { status: "not-found" };
  const [row] = await executor
    .select({
      id: documents.id,
      personId: documents.personId,
      title: documents.title,
      mediaType: documents.mediaType,
      storage: documents.storage,
      storageKey: documents.storageKey,
      masterKeyId: documents.masterKeyId,
      wrappedDataKey: documents.wrappedDataKey,
    })
    .from(documents)
    .where(and(eq(documents.id, documentId), isOwnedBySubject(actor, documents.personId)));
  if (!row || !isDocumentMediaType(row.mediaType)) return { status: "not-found" };
  const bytes = await decryptStoredDocument(executor, row);
  if (!bytes) return { status: "refused" };
  await recordActivity(executor, {
    ...activityOf(actor),
    action: purpose === "open" ? "documents.opened" : "documents.downloaded",
    target: { type: "document", id: row.id },
    at: now,
  });
  return { status: "found", title: row.title, mediaType: row.mediaType, bytes };
}

/** The columns of a document row that locate and unlock its bytes. */
export const STORED_DOCUMENT_COLUMNS = {
  id: documents.id,
  personId: documents.personId,
  storage: documents.storage,
  storageKey: documents.storageKey,
  masterKeyId: documents.masterKeyId,
  wrappedDataKey: documents.wrappedDataKey,
} as const;

export type StoredDocument = { id: string; personId: string; storage: StorageKind; storageKey: string; masterKeyId: string; wrappedDataKey: Uint8Array };

/**
 * The one way a document's bytes are read back: fetched from their store, decrypted and
 * authenticated against the row's id and owner. Null (and logged) when they fail: tampered,
 * truncated, swapped, missing, or under an unknown key. The caller has already decided that its
 * actor may reach the row (the patient's space, or a professional through lib/professional-access).
 */
export async function decryptStoredDocument(executor: Executor, row: StoredDocument): Promise<Buffer | null> {
  try {
    const object = await getDocumentStore(row.storage).get(executor, row.storageKey);
    if (!object) throw new DocumentDecryptionError("object missing from its store");
    return decryptDocument(
      { object, masterKeyId: row.masterKeyId, wrappedDataKey: row.wrappedDataKey },
      { documentId: row.id, personId: row.personId },
      getMasterKeyRing(),
    );
  } catch (error) {
    if (!(error instanceof DocumentDecryptionError)) throw error;
    console.error(`[documents] ${row.id}: ${error.message}`);
    return null;
  }
}

/**
 * Removes a document's bytes, for its deletion. The database store deletes the object in the
 * caller's transaction, with the row. A disk or S3 object is not touched here: removing it before
 * the caller commits could leave a row without bytes if the transaction rolled back. Once the row
 * is gone, so is its wrapped data key, so the object left behind is undecipherable (crypto-shredded)
 * from the commit on, and `npm run documents:sweep` removes it as an orphan after its grace period.
 */
export async function removeDocumentContent(executor: Executor, { storage, storageKey }: { storage: StorageKind; storageKey: string }): Promise<void> {
  if (storage === "database") await getDocumentStore("database").remove(executor, storageKey);
}
