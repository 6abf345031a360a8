import "server-only";
import { getDatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { getSettings } from "@/lib/env";
import { assertSupportedRuntime, describeRuntime } from "@/lib/server/runtime";

/**
 * Runs once when a server process starts: refuses an unsupported Node.js or a bad configuration,
 * and brings the embedded database up to date (PGlite has no separate migration step; PostgreSQL
 * uses `npm run db:migrate`).
 */
export async function prepareServer(): Promise<void> {
  try {
    assertSupportedRuntime();
    // Which binary serves the app, in the start log: the end-to-end suite checks it is the project's.
    console.info(`[start] ${describeRuntime()}`);
    getSettings();
    const handle = getDatabaseHandle();
    if (handle.kind === "pglite") await migrateDatabase(handle);
  } catch (error) {
    // Next.js reports a failed instrumentation hook, then keeps listening and answers every
    // request with a 500: a server that cannot run properly exits instead, with the reason.
    console.error(`[start] refused to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
