import "server-only";
import { type SQL, and, eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { documentFolders, documents, documentSettings } from "@/db/schema";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";
import type { ActivityAction } from "@/lib/activity/actions";
import { type ActivityTarget, activityOf, recordActivity } from "@/lib/activity/record";
import type { FieldErrors } from "@/lib/form-state";
import { isUuid } from "@/lib/validation";
import { isReachableDocument, isReachableFolder } from "./access";
import { type DocumentCapabilities, documentCapabilities } from "./capabilities";
import type { PatientDocumentCategory } from "./categories";
import { removeDocumentContent } from "./content";
import { patientDocumentTypeOf } from "./document-types";

/**
 * Every change the patient (or whoever acts for them) makes to Documents. Each one runs in a
 * transaction that holds the row it changes, checks what may be done with it through
 * documentCapabilities (the one place that decides it), writes, and records its event in the
 * subject's history. Someone else's document or folder is not found, like a missing one.
 */
export type DocumentChange =
  | { status: "done" }
  | { status: "not-found" }
  /** The document's author does not let the patient do this (documentCapabilities), or it was done already. */
  | { status: "refused" }
  | { status: "invalid"; fieldErrors: FieldErrors };

const DONE: DocumentChange = { status: "done" };
const NOT_FOUND: DocumentChange = { status: "not-found" };
const REFUSED: DocumentChange = { status: "refused" };

async function record(executor: Executor, actor: Actor, action: ActivityAction, target: ActivityTarget | null, now: Date) {
  await recordActivity(executor, { ...activityOf(actor), action, target, at: now });
}

type LockedDocument = typeof documents.$inferSelect & { capabilities: DocumentCapabilities };

/** The subject's document, locked until the transaction ends, with what may be done with it; null when out of reach. */
async function lockDocument(executor: Executor, actor: Actor, documentId: string): Promise<LockedDocument | null> {
  if (!isUuid(documentId)) return null;
  const [row] = await executor
    .select()
    .from(documents)
    .where(and(eq(documents.id, documentId), isReachableDocument(actor)))
    .for("update")
    .limit(1);
  return row ? { ...row, capabilities: documentCapabilities(row) } : null;
}

/**
 * A change to one document: `apply` decides from the locked row, writes, and names the event
 * (null when there was nothing to change: the document already stood as asked).
 */
async function changeDocument(
  actor: Actor,
  documentId: string,
  now: Date,
  apply: (tx: Executor, document: LockedDocument) => Promise<DocumentChange | ActivityAction | null>,
): Promise<DocumentChange> {
  return getDb().transaction(async (tx) => {
    const document = await lockDocument(tx, actor, documentId);
    if (!document) return NOT_FOUND;
    const outcome = await apply(tx, document);
    if (outcome === null) return DONE;
    if (typeof outcome === "object") return outcome;
    await record(tx, actor, outcome, { type: "document", id: document.id }, now);
    return DONE;
  });
}

function whereDocument(actor: Actor, documentId: string): SQL {
  return and(eq(documents.id, documentId), isReachableDocument(actor)) as SQL;
}

/** "Masquer aux professionnels" / "Rendre visible": any document, whoever added it. */
export async function setDocumentVisibility({
  actor,
  documentId,
  isHidden,
  now,
}: {
  actor: Actor;
  documentId: string;
  isHidden: boolean;
  now: Date;
}): Promise<DocumentChange> {
  return changeDocument(actor, documentId, now, async (tx, document) => {
    if (!document.capabilities.mayChangeVisibility) return REFUSED;
    if (document.isHiddenFromProfessionals === isHidden) return null;
    await tx.update(documents).set({ isHiddenFromProfessionals: isHidden, updatedAt: now }).where(whereDocument(actor, document.id));
    return isHidden ? "documents.hidden" : "documents.shown";
  });
}

/** "Épingler" / "Désépingler": pinned documents come first in the list. */
export async function setDocumentPinned({
  actor,
  documentId,
  isPinned,
  now,
}: {
  actor: Actor;
  documentId: string;
  isPinned: boolean;
  now: Date;
}): Promise<DocumentChange> {
  return changeDocument(actor, documentId, now, async (tx, document) => {
    if (!document.capabilities.mayPin) return REFUSED;
    if ((document.pinnedAt !== null) === isPinned) return null;
    await tx.update(documents).set({ pinnedAt: isPinned ? now : null, updatedAt: now }).where(whereDocument(actor, document.id));
    return isPinned ? "documents.pinned" : "documents.unpinned";
  });
}

/** "Signaler un problème": once per document, with what the patient says is wrong. */
export async function reportDocument({
  actor,
  documentId,
  reason,
  now,
}: {
  actor: Actor;
  documentId: string;
  reason: string;
  now: Date;
}): Promise<DocumentChange> {
  return changeDocument(actor, documentId, now, async (tx, document) => {
    if (!document.capabilities.mayReport) return REFUSED;
    await tx.update(documents).set({ reportedAt: now, reportReason: reason, updatedAt: now }).where(whereDocument(actor, document.id));
    return "documents.reported";
  });
}

/** Rename, re-date and re-categorise: the patient's own uploads only. */
export async function updateDocumentDetails({
  actor,
  documentId,
  title,
  documentDate,
  category,
  now,
}: {
  actor: Actor;
  documentId: string;
  title: string;
  documentDate: string;
  category: PatientDocumentCategory;
  now: Date;
}): Promise<DocumentChange> {
  return changeDocument(actor, documentId, now, async (tx, document) => {
    if (!document.capabilities.mayEdit) return REFUSED;
    if (document.title === title && document.documentDate === documentDate && document.category === category) return null;
    // Only the patient's own uploads are edited here, so the type follows the category's own code.
    await tx
      .update(documents)
      .set({ title, documentDate, category, typeCode: patientDocumentTypeOf(category), updatedAt: now }).where(whereDocument(actor, document.id));
    return "documents.details-changed";
  });
}

/** Into one of the subject's folders, or back to "Aucun dossier" (null). */
export async function moveDocument({
  actor,
  documentId,
  folderId,
  now,
}: {
  actor: Actor;
  documentId: string;
  folderId: string | null;
  now: Date;
}): Promise<DocumentChange> {
  return changeDocument(actor, documentId, now, async (tx, document) => {
    if (!document.capabilities.mayMove) return REFUSED;
    if (folderId !== null) {
      const [folder] = await tx
        .select({ id: documentFolders.id })
        .from(documentFolders)
        .where(and(eq(documentFolders.id, folderId), isReachableFolder(actor)))
        .for("share")
        .limit(1);
      if (!folder) return { status: "invalid", fieldErrors: { folderId: ["Choisissez un dossier dans la liste."] } };
    }
    if (document.folderId === folderId) return null;
    await tx.update(documents).set({ folderId, updatedAt: now }).where(whereDocument(actor, document.id));
    return "documents.moved";
  });
}

/** "Supprimer": the patient's own uploads only. The row and its bytes go together. */
export async function deleteDocument({ actor, documentId, now }: { actor: Actor; documentId: string; now: Date }): Promise<DocumentChange> {
  return changeDocument(actor, documentId, now, async (tx, document) => {
    if (!document.capabilities.mayDelete) return REFUSED;
    await tx.delete(documents).where(whereDocument(actor, document.id));
    await removeDocumentContent(tx, { storage: document.storage, storageKey: document.storageKey });
    return "documents.deleted";
  });
}

/** "Tout masquer" / "Tout rendre visible": every document of the subject at once, one event. */
export async function setAllDocumentsVisibility({
  actor,
  isHidden,
  now,
}: {
  actor: Actor;
  isHidden: boolean;
  now: Date;
}): Promise<DocumentChange> {
  return getDb().transaction(async (tx) => {
    const changed = await tx
      .update(documents)
      .set({ isHiddenFromProfessionals: isHidden, updatedAt: now })
      .where(and(isReachableDocument(actor), eq(documents.isHiddenFromProfessionals, !isHidden)))
      .returning({ id: documents.id });
    if (changed.length > 0) await record(tx, actor, isHidden ? "documents.all-hidden" : "documents.all-shown", null, now);
    return DONE;
  });
}

/** Whether documents added from now on start masked from professionals (document_settings). */
export async function setDefaultVisibility({
  actor,
  hideNewDocuments,
  now,
}: {
  actor: Actor;
  hideNewDocuments: boolean;
  now: Date;
}): Promise<DocumentChange> {
  return getDb().transaction(async (tx) => {
    const [current] = await tx
      .select({ hide: documentSettings.hideNewDocumentsFromProfessionals })
      .from(documentSettings)
      .where(isOwnedBySubject(actor, documentSettings.personId))
      .for("update")
      .limit(1);
    if ((current?.hide ?? false) === hideNewDocuments) return DONE;
    await tx
      .insert(documentSettings)
      .values({ personId: actor.subject.personId, hideNewDocumentsFromProfessionals: hideNewDocuments, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: documentSettings.personId, set: { hideNewDocumentsFromProfessionals: hideNewDocuments, updatedAt: now } });
    await record(tx, actor, "documents.default-visibility-changed", null, now);
    return DONE;
  });
}

const FOLDER_NAME_TAKEN = "Vous avez déjà un dossier portant ce nom : choisissez-en un autre.";

/** Whether the subject has another folder of this name, whatever the case (the unique index's rule). */
async function isFolderNameTaken(executor: Executor, actor: Actor, name: string, exceptFolderId: string | null): Promise<boolean> {
  const [taken] = await executor
    .select({ id: documentFolders.id })
    .from(documentFolders)
    .where(
      and(
        isReachableFolder(actor),
        sql`lower(${documentFolders.name}) = lower(${name})`,
        exceptFolderId ? sql`${documentFolders.id} <> ${exceptFolderId}` : undefined,
      ),
    )
    .limit(1);
  return taken !== undefined;
}

/**
 * Runs a folder change; two requests taking the same name at once are settled by the unique
 * index, whose refusal becomes the same field message as the check before it.
 */
async function withUniqueName(run: () => Promise<DocumentChange>): Promise<DocumentChange> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "invalid", fieldErrors: { name: [FOLDER_NAME_TAKEN] } };
    throw error;
  }
}

export async function createFolder({ actor, name, now }: { actor: Actor; name: string; now: Date }): Promise<DocumentChange> {
  return withUniqueName(() =>
    getDb().transaction(async (tx) => {
      if (await isFolderNameTaken(tx, actor, name, null)) return { status: "invalid", fieldErrors: { name: [FOLDER_NAME_TAKEN] } };
      const [folder] = await tx
        .insert(documentFolders)
        .values({ personId: actor.subject.personId, name, createdAt: now, updatedAt: now })
        .returning({ id: documentFolders.id });
      if (!folder) throw new Error("folder not created");
      await record(tx, actor, "documents.folder-created", { type: "document_folder", id: folder.id }, now);
      return DONE;
    }),
  );
}

/** The subject's folder, locked until the transaction ends; null when out of reach. */
async function lockFolder(executor: Executor, actor: Actor, folderId: string) {
  if (!isUuid(folderId)) return null;
  const [folder] = await executor
    .select()
    .from(documentFolders)
    .where(and(eq(documentFolders.id, folderId), isReachableFolder(actor)))
    .for("update")
    .limit(1);
  return folder ?? null;
}

export async function renameFolder({
  actor,
  folderId,
  name,
  now,
}: {
  actor: Actor;
  folderId: string;
  name: string;
  now: Date;
}): Promise<DocumentChange> {
  return withUniqueName(() =>
    getDb().transaction(async (tx) => {
      const folder = await lockFolder(tx, actor, folderId);
      if (!folder) return NOT_FOUND;
      if (folder.name === name) return DONE;
      if (await isFolderNameTaken(tx, actor, name, folder.id)) return { status: "invalid", fieldErrors: { name: [FOLDER_NAME_TAKEN] } };
      await tx
        .update(documentFolders)
        .set({ name, updatedAt: now })
        .where(and(eq(documentFolders.id, folder.id), isReachableFolder(actor)));
      await record(tx, actor, "documents.folder-renamed", { type: "document_folder", id: folder.id }, now);
      return DONE;
    }),
  );
}

/** Deletes a folder; its documents go back to "Aucun dossier", none is deleted. */
export async function deleteFolder({ actor, folderId, now }: { actor: Actor; folderId: string; now: Date }): Promise<DocumentChange> {
  return getDb().transaction(async (tx) => {
    const folder = await lockFolder(tx, actor, folderId);
    if (!folder) return NOT_FOUND;
    await tx
      .update(documents)
      .set({ folderId: null, updatedAt: now })
      .where(and(eq(documents.folderId, folder.id), isOwnedBySubject(actor, documents.personId)));
    await tx.delete(documentFolders).where(and(eq(documentFolders.id, folder.id), isReachableFolder(actor)));
    await record(tx, actor, "documents.folder-deleted", { type: "document_folder", id: folder.id }, now);
    return DONE;
  });
}
