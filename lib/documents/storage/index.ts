import "server-only";
import { type DocumentSettings, getDocumentSettings } from "@/lib/env";
import { databaseStore } from "./database-store";
import { createDiskStore } from "./disk-store";
import { createS3Store } from "./s3-store";
import type { DocumentStore, StorageKind } from "./types";

export type { DocumentStore, StorageKind, StoredObject } from "./types";

const cache = new Map<string, DocumentStore>();

/** Whether a store is configured here (the database always is). */
export function isStoreConfigured(kind: StorageKind, settings: DocumentSettings = getDocumentSettings()): boolean {
  return kind !== "s3" || Boolean(settings.S3_BUCKET);
}

/**
 * The store of a kind, built from the settings (and kept while they stay the same). New
 * documents go to DOCUMENT_STORAGE's; a stored document is read from the store its row names.
 */
export function getDocumentStore(kind: StorageKind, settings: DocumentSettings = getDocumentSettings()): DocumentStore {
  if (kind === "database") return databaseStore;
  const cacheKey =
    kind === "disk"
      ? `disk:${settings.DOCUMENT_STORAGE_DIR}`
      : `s3:${settings.S3_ENDPOINT}:${settings.S3_BUCKET}:${settings.S3_REGION}:${settings.S3_ACCESS_KEY_ID}:${settings.S3_FORCE_PATH_STYLE}`;
  let store = cache.get(cacheKey);
  if (!store) {
    if (kind === "disk") {
      store = createDiskStore(settings.DOCUMENT_STORAGE_DIR);
    } else {
      if (!settings.S3_BUCKET) throw new Error("the s3 store needs S3_BUCKET");
      store = createS3Store({
        bucket: settings.S3_BUCKET,
        region: settings.S3_REGION,
        endpoint: settings.S3_ENDPOINT,
        accessKeyId: settings.S3_ACCESS_KEY_ID,
        secretAccessKey: settings.S3_SECRET_ACCESS_KEY,
        forcePathStyle: settings.S3_FORCE_PATH_STYLE,
      });
    }
    cache.set(cacheKey, store);
  }
  return store;
}

/** Where new documents go. */
export function getCurrentDocumentStore(settings: DocumentSettings = getDocumentSettings()): DocumentStore {
  return getDocumentStore(settings.DOCUMENT_STORAGE, settings);
}
