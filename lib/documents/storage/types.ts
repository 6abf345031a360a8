import type { Executor } from "@/db/client";
import type { documentStorageEnum } from "@/db/schema/documents";

export type StorageKind = (typeof documentStorageEnum.enumValues)[number];

/** An object a store holds, as the orphan sweep lists it. */
export type StoredObject = { key: string; createdAt: Date };

/**
 * Where encrypted objects are kept. Every method takes the executor: the database store writes
 * and deletes inside the caller's transaction (so an object and its row commit together); the
 * disk and S3 stores ignore it, and their writes are undone by the caller (lib/documents/content.ts)
 * or, after a crash, by the sweep.
 */
export type DocumentStore = {
  kind: StorageKind;
  put(executor: Executor, key: string, bytes: Uint8Array): Promise<void>;
  /** The object's bytes, or null when the store has no such key. */
  get(executor: Executor, key: string): Promise<Uint8Array | null>;
  /** Removes the object; a key already gone is no error. */
  remove(executor: Executor, key: string): Promise<void>;
  /** Every object created before `before`, batch by batch. */
  listOlderThan(executor: Executor, before: Date): AsyncGenerator<StoredObject[]>;
};
