import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

/** One round trip to the database, whatever the driver: the health check and the bench baseline. */
export async function pingDatabase(): Promise<void> {
  await getDb().execute(sql`select 1`);
}
