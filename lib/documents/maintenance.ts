import "server-only";
import { and, asc, eq, gt, inArray, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documents, messageAttachments } from "@/db/schema";
import { type DocumentSettings, getDocumentSettings } from "@/lib/env";
import { DocumentDecryptionError, rewrapDataKey } from "./encryption";
import { getMasterKeyRing } from "./master-keys";
import { type StorageKind, getDocumentStore, isStoreConfigured } from "./storage";

export type RotationReport = {
  rewrapped: number;
  /** Rows whose data key does not unwrap (an unknown master key, a damaged wrapped key): left as they are. */
  failedIds: string[];
  /** Rows still under another master key after this run (the failed ones included). */
  remaining: number;
};

/** What one run did, all encrypted files together (the sums) and by table: documents and message attachments. */
export type FullRotationReport = RotationReport & { documents: RotationReport; attachments: RotationReport };

/**
 * The tables whose rows hold a data key wrapped under a master key. Each key is bound to its row's
 * id and person (lib/documents/encryption.ts DocumentBinding): a message attachment is encrypted
 * with its own id in the documentId slot (lib/messaging/attachments.ts), so re-wrapping it binds the same.
 */
const WRAPPED_KEY_TABLES = { documents, attachments: messageAttachments } as const;
type WrappedKeyTable = (typeof WRAPPED_KEY_TABLES)[keyof typeof WRAPPED_KEY_TABLES];

/**
 * `npm run keys:rotate`: re-wraps the data key of every document and every message attachment
 * whose master key is not the current one, batch by batch, each batch in its own transaction.
 * The objects are not read or written: a file's ciphertext and data key stay the same, only the
 * small wrapped key changes. Interrupted, it loses at most the batch under way (rolled back) and
 * the next run picks up where it stopped, since it selects by masterKeyId. A row that does not
 * unwrap is reported and passed over, never blocking the others. `maxBatches` bounds one run,
 * table by table (tests stop half-way with it).
 */
export async function rotateMasterKeys(
  executor: Executor,
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<FullRotationReport> {
  const documentReport = await rotateTable(executor, WRAPPED_KEY_TABLES.documents, options);
  const attachmentReport = await rotateTable(executor, WRAPPED_KEY_TABLES.attachments, options);
  return {
    rewrapped: documentReport.rewrapped + attachmentReport.rewrapped,
    failedIds: [...documentReport.failedIds, ...attachmentReport.failedIds],
    remaining: documentReport.remaining + attachmentReport.remaining,
    documents: documentReport,
    attachments: attachmentReport,
  };
}

async function rotateTable(
  executor: Executor,
  table: WrappedKeyTable,
  { batchSize = 200, maxBatches = Number.POSITIVE_INFINITY }: { batchSize?: number; maxBatches?: number },
): Promise<RotationReport> {
  const ring = getMasterKeyRing();
  let rewrapped = 0;
  const failedIds: string[] = [];
  // Keyset order by id, so that rows passed over are not selected again in this run.
  let after: string | null = null;
  for (let batch = 0; batch < maxBatches; batch += 1) {
    const selected: number = await executor.transaction(async (tx) => {
      const rows = await tx
        .select({ id: table.id, personId: table.personId, masterKeyId: table.masterKeyId, wrappedDataKey: table.wrappedDataKey })
        .from(table)
        .where(and(ne(table.masterKeyId, ring.currentId), after ? gt(table.id, after) : undefined))
        .orderBy(asc(table.id))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      for (const row of rows) {
        let rewrap: ReturnType<typeof rewrapDataKey>;
        try {
          rewrap = rewrapDataKey(row, { documentId: row.id, personId: row.personId }, ring);
        } catch (error) {
          if (!(error instanceof DocumentDecryptionError)) throw error;
          failedIds.push(row.id);
          continue;
        }
        await tx.update(table).set(rewrap).where(and(eq(table.id, row.id), eq(table.masterKeyId, row.masterKeyId)));
        rewrapped += 1;
      }
      if (rows.length > 0) after = rows.at(-1)!.id;
      return rows.length;
    });
    if (selected < batchSize) break;
  }
  const remaining = await executor.$count(table, ne(table.masterKeyId, ring.currentId));
  return { rewrapped, failedIds, remaining };
}

/** An upload writes its object seconds before its row: anything younger than this is left alone. */
export const DEFAULT_SWEEP_GRACE_MINUTES = 60;

export type SweepReport = Record<StorageKind, { checked: number; removed: number }>;

/**
 * `npm run documents:sweep`: removes from every configured store the objects that no document
 * row refers to and that are older than the grace period: left by a crash between an object's
 * write and its row's commit, or by a deletion (removeDocumentContent leaves disk and S3 objects
 * to this sweep).
 */
export async function sweepOrphanObjects(
  executor: Executor,
  { now, graceMinutes = DEFAULT_SWEEP_GRACE_MINUTES, settings = getDocumentSettings() }: { now: Date; graceMinutes?: number; settings?: DocumentSettings },
): Promise<SweepReport> {
  const before = new Date(now.getTime() - graceMinutes * 60_000);
  const report: SweepReport = { database: { checked: 0, removed: 0 }, disk: { checked: 0, removed: 0 }, s3: { checked: 0, removed: 0 } };
  for (const kind of ["database", "disk", "s3"] as const) {
    if (!isStoreConfigured(kind, settings)) continue;
    const store = getDocumentStore(kind, settings);
    for await (const batch of store.listOlderThan(executor, before)) {
      const keys = batch.map((object) => object.key);
      // Message attachments live in the same stores (lib/messaging/attachments.ts): their objects are no orphans either.
      const referenced = new Set(
        [
          ...(await executor
            .select({ key: documents.storageKey })
            .from(documents)
            .where(and(eq(documents.storage, kind), inArray(documents.storageKey, keys)))),
          ...(await executor
            .select({ key: messageAttachments.storageKey })
            .from(messageAttachments)
            .where(and(eq(messageAttachments.storage, kind), inArray(messageAttachments.storageKey, keys)))),
        ].map((row) => row.key),
      );
      report[kind].checked += keys.length;
      for (const key of keys) {
        if (referenced.has(key)) continue;
        await store.remove(executor, key);
        report[kind].removed += 1;
      }
    }
  }
  return report;
}
