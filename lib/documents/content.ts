import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documentObjects } from "@/db/schema";

/**
 * Removes a document's bytes from its store, in the caller's transaction where the store is the
 * database. Only the database store on this branch; the storage layer (disk, S3) replaces it.
 */
export async function removeDocumentContent(
  executor: Executor,
  object: { storage: "database" | "disk" | "s3"; storageKey: string },
): Promise<void> {
  if (object.storage !== "database") return;
  await executor.delete(documentObjects).where(eq(documentObjects.key, object.storageKey));
}
