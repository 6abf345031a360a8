import "server-only";
import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { DatabaseHandle } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Applies the committed migrations not yet applied; `folder` lets a test stop at an older one. */
export async function migrateDatabase(handle: DatabaseHandle, folder: string = migrationsFolder): Promise<void> {
  // Both migrators read the same committed SQL; only the driver's session type differs.
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as never, { migrationsFolder: folder });
  } else {
    await migratePostgres(handle.db as never, { migrationsFolder: folder });
  }
}
