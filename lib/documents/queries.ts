import "server-only";
import { type SQL, and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { documentFolders, documents, documentSettings } from "@/db/schema";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";
import { isUuid } from "@/lib/validation";
import { isReachableDocument, isReachableFolder } from "./access";
import { type DocumentCapabilities, type DocumentAuthorKind, documentAuthorNotice, documentCapabilities } from "./capabilities";
import { DOCUMENT_CATEGORY_LABELS, type DocumentCategory } from "./categories";
import { type DocumentListFilters, type DocumentSort, NO_FOLDER } from "./list-query";
import { documentRules } from "./rules";
import { foldedSql, foldText } from "@/db/schema/text-folding";

/** One document as the list shows it. */
export type DocumentListItem = {
  id: string;
  title: string;
  /** "YYYY-MM-DD". */
  documentDate: string;
  category: DocumentCategory;
  categoryLabel: string;
  authorName: string;
  authorKind: DocumentAuthorKind;
  isHiddenFromProfessionals: boolean;
  isPinned: boolean;
  uploadedAt: Date;
};

export type DocumentPage = {
  documents: DocumentListItem[];
  /** Documents matching the filters, all pages together. */
  total: number;
  page: number;
  pageCount: number;
};

/** One document with everything its page shows, and what the patient may do with it. */
export type DocumentDetail = DocumentListItem & {
  folderId: string | null;
  folderName: string | null;
  mediaType: string;
  byteSize: number;
  reportedAt: Date | null;
  /** "Ce document a été ajouté par …" for a document from someone else; null for one's own. */
  authorNotice: string | null;
  capabilities: DocumentCapabilities;
};

export type DocumentFolder = { id: string; name: string; documentCount: number };

export type DocumentVisibilitySummary = {
  hideNewDocumentsFromProfessionals: boolean;
  documentCount: number;
  hiddenCount: number;
};

const listColumns = {
  id: documents.id,
  title: documents.title,
  documentDate: documents.documentDate,
  category: documents.category,
  authorName: documents.authorName,
  authorKind: documents.authorKind,
  isHiddenFromProfessionals: documents.isHiddenFromProfessionals,
  pinnedAt: documents.pinnedAt,
  uploadedAt: documents.uploadedAt,
};

type ListRow = Pick<typeof documents.$inferSelect, keyof typeof listColumns>;

function toListItem(row: ListRow): DocumentListItem {
  const { pinnedAt, ...rest } = row;
  return { ...rest, categoryLabel: DOCUMENT_CATEGORY_LABELS[row.category], isPinned: pinnedAt !== null };
}

function filterConditions(actor: Actor, filters: DocumentListFilters): SQL[] {
  const conditions: SQL[] = [isReachableDocument(actor)];
  if (filters.category) conditions.push(eq(documents.category, filters.category));
  if (filters.folder === NO_FOLDER) conditions.push(isNull(documents.folderId));
  else if (filters.folder) conditions.push(eq(documents.folderId, filters.folder));
  // strpos, not LIKE: what is typed is searched as it is, "%" and "_" included.
  if (filters.search) conditions.push(sql`strpos(${documents.titleFolded}, ${foldText(filters.search)}) > 0`);
  return conditions;
}

/** Pinned documents first, then the chosen order; the id last, so that every order is total. */
function orderOf(sort: DocumentSort): SQL[] {
  const pinnedFirst = sql`${documents.pinnedAt} is null`;
  switch (sort) {
    case "ancien":
      return [pinnedFirst, asc(documents.documentDate), asc(documents.uploadedAt), asc(documents.id)];
    case "titre-az":
      return [pinnedFirst, asc(documents.titleFolded), asc(documents.id)];
    case "titre-za":
      return [pinnedFirst, desc(documents.titleFolded), desc(documents.id)];
    case "auteur-az":
      return [pinnedFirst, asc(documents.authorNameFolded), desc(documents.documentDate), desc(documents.id)];
    case "auteur-za":
      return [pinnedFirst, desc(documents.authorNameFolded), desc(documents.documentDate), desc(documents.id)];
    case "recent":
      return [pinnedFirst, desc(documents.documentDate), desc(documents.uploadedAt), desc(documents.id)];
  }
}

/**
 * One page of the subject's documents, filtered and sorted. The person's index narrows the
 * query to their own documents (a thousand at most in practice), which the database filters
 * and sorts in memory before it sends one page of them: the cost is in the rendering, which a
 * page of `documentRules.pageSize` keeps small. A page past the end shows the last one.
 */
export async function findDocumentPage({
  actor,
  filters,
  page,
}: {
  actor: Actor;
  filters: DocumentListFilters;
  page: number;
}): Promise<DocumentPage> {
  const db = getDb();
  const where = and(...filterConditions(actor, filters));
  const [counted] = await db.select({ total: count() }).from(documents).where(where);
  const total = Number(counted?.total ?? 0);
  const size = documentRules.pageSize;
  const pageCount = Math.max(1, Math.ceil(total / size));
  const current = Math.min(page, pageCount);
  const rows = await db
    .select(listColumns)
    .from(documents)
    .where(where)
    .orderBy(...orderOf(filters.sort))
    .limit(size)
    .offset((current - 1) * size);
  return { documents: rows.map(toListItem), total, page: current, pageCount };
}

/** "Mes derniers documents" (Accueil): the last ones added, by the person's index on upload time. */
export async function findLatestDocuments({ actor }: { actor: Actor }): Promise<DocumentListItem[]> {
  const rows = await getDb()
    .select(listColumns)
    .from(documents)
    .where(isReachableDocument(actor))
    .orderBy(desc(documents.uploadedAt), desc(documents.id))
    .limit(documentRules.latestCount);
  return rows.map(toListItem);
}

/** One of the subject's documents, or null: someone else's is not found, like a missing one. */
export async function findDocument({ actor, documentId }: { actor: Actor; documentId: string }): Promise<DocumentDetail | null> {
  if (!isUuid(documentId)) return null;
  const [row] = await getDb()
    .select({
      ...listColumns,
      folderId: documents.folderId,
      folderName: documentFolders.name,
      mediaType: documents.mediaType,
      byteSize: documents.byteSize,
      reportedAt: documents.reportedAt,
    })
    .from(documents)
    .leftJoin(documentFolders, and(eq(documentFolders.id, documents.folderId), isReachableFolder(actor)))
    .where(and(eq(documents.id, documentId), isReachableDocument(actor)))
    .limit(1);
  if (!row) return null;
  const { folderId, folderName, mediaType, byteSize, reportedAt, ...listed } = row;
  return {
    ...toListItem(listed),
    folderId,
    folderName,
    mediaType,
    byteSize,
    reportedAt,
    authorNotice: documentAuthorNotice(row),
    capabilities: documentCapabilities(row),
  };
}

/** The subject's folders, by name whatever the case and accents, each with its number of documents. */
export async function findFolders({ actor }: { actor: Actor }): Promise<DocumentFolder[]> {
  const rows = await getDb()
    .select({
      id: documentFolders.id,
      name: documentFolders.name,
      documentCount: sql<number>`cast(count(${documents.id}) as integer)`,
    })
    .from(documentFolders)
    .leftJoin(documents, and(eq(documents.folderId, documentFolders.id), isReachableDocument(actor)))
    .where(isReachableFolder(actor))
    .groupBy(documentFolders.id)
    .orderBy(asc(foldedSql(documentFolders.name)), asc(documentFolders.id));
  return rows.map((row) => ({ ...row, documentCount: Number(row.documentCount) }));
}

/** The masking block of the Documents page: the default for new documents, and how many are masked now. */
export async function findVisibilitySummary({ actor }: { actor: Actor }): Promise<DocumentVisibilitySummary> {
  const db = getDb();
  const [[settings], [counts]] = await Promise.all([
    db
      .select({ hide: documentSettings.hideNewDocumentsFromProfessionals })
      .from(documentSettings)
      .where(isOwnedBySubject(actor, documentSettings.personId))
      .limit(1),
    db
      .select({
        documentCount: count(),
        hiddenCount: sql<number>`cast(count(*) filter (where ${documents.isHiddenFromProfessionals}) as integer)`,
      })
      .from(documents)
      .where(isReachableDocument(actor)),
  ]);
  return {
    hideNewDocumentsFromProfessionals: settings?.hide ?? false,
    documentCount: Number(counts?.documentCount ?? 0),
    hiddenCount: Number(counts?.hiddenCount ?? 0),
  };
}
