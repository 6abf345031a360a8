import "server-only";
import { getDatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { getSettings } from "@/lib/env";

/**
 * Runs once when a server process starts: refuses a bad configuration, and brings the
 * embedded database up to date (PGlite has no separate migration step; PostgreSQL uses
 * `npm run db:migrate`).
 */
export async function prepareServer(): Promise<void> {
  getSettings();
  const handle = getDatabaseHandle();
  if (handle.kind === "pglite") await migrateDatabase(handle);
}
