import "server-only";
import { and, asc, eq, gt, lt } from "drizzle-orm";
import { documentObjects } from "@/db/schema";
import type { DocumentStore } from "./types";

const LIST_BATCH = 500;

/** The default store: objects in the document_objects table, written in the row's own transaction. */
export const databaseStore: DocumentStore = {
  kind: "database",
  async put(executor, key, bytes) {
    await executor.insert(documentObjects).values({ key, bytes });
  },
  async get(executor, key) {
    const [row] = await executor.select({ bytes: documentObjects.bytes }).from(documentObjects).where(eq(documentObjects.key, key));
    return row?.bytes ?? null;
  },
  async remove(executor, key) {
    await executor.delete(documentObjects).where(eq(documentObjects.key, key));
  },
  async *listOlderThan(executor, before) {
    let after = "";
    for (;;) {
      const batch = await executor
        .select({ key: documentObjects.key, createdAt: documentObjects.createdAt })
        .from(documentObjects)
        .where(and(lt(documentObjects.createdAt, before), gt(documentObjects.key, after)))
        .orderBy(asc(documentObjects.key))
        .limit(LIST_BATCH);
      if (batch.length === 0) return;
      yield batch;
      after = batch.at(-1)!.key;
    }
  },
};
