import "server-only";
import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { seedDefaultAccessMatrixIfEmpty } from "@/lib/professional-access/matrix";
import type { DatabaseHandle } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/**
 * Applies the committed migrations not yet applied; `folder` lets a test stop at an older one.
 * After the full set, the access matrix gets its documented default when it is empty (data, not a
 * migration: a migration never changes once landed, the default may; docs/decisions/0018-access-matrix.md).
 */
export async function migrateDatabase(handle: DatabaseHandle, folder: string = migrationsFolder): Promise<void> {
  // Both migrators read the same committed SQL; only the driver's session type differs.
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as never, { migrationsFolder: folder });
  } else {
    await migratePostgres(handle.db as never, { migrationsFolder: folder });
  }
  if (folder === migrationsFolder) await seedDefaultAccessMatrixIfEmpty(handle.db);
}
