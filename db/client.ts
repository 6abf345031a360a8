import "server-only";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { getDatabaseSettings } from "@/lib/env";
import * as schema from "./schema";

type Schema = typeof schema;
/** The one database type the domain sees, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: domain functions that write accept both. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  kind: "postgres" | "pglite";
  close: () => Promise<void>;
};

export function openPostgres(url: string, options: { max?: number } = {}): DatabaseHandle {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema, casing: "snake_case" }) as unknown as Database;
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

/** `dataDir` undefined keeps the database in memory (tests); `loadDataDir` starts from a dump. */
export function openPglite(options: { dataDir?: string; loadDataDir?: Blob | File } = {}): DatabaseHandle {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Database;
  return { db, kind: "pglite", close: () => client.close() };
}

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite kept in a data folder. */
function openConfiguredDatabase(): DatabaseHandle {
  const { DATABASE_URL, PGLITE_DATA_DIR } = getDatabaseSettings();
  if (DATABASE_URL) return openPostgres(DATABASE_URL);
  return openPglite({ dataDir: PGLITE_DATA_DIR });
}

const holder = globalThis as typeof globalThis & { __mesDatabase?: DatabaseHandle };

/** One handle per process: a PGlite data folder must never be opened twice. */
export function getDatabaseHandle(): DatabaseHandle {
  holder.__mesDatabase ??= openConfiguredDatabase();
  return holder.__mesDatabase;
}

export function getDb(): Database {
  return getDatabaseHandle().db;
}

/** Tests and commands point the process at a database of their own. */
export function useDatabase(handle: DatabaseHandle): void {
  holder.__mesDatabase = handle;
}
