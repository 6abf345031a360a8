import { randomBytes } from "node:crypto";
import postgres from "postgres";

/** The PostgreSQL server the integration tests use; defaults to the CI machine's. */
export function adminDatabaseUrl(): string {
  return process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
}

export function databaseUrlFor(database: string): string {
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A new empty database on the test server (a copy of `template` when given), named `prefix_` and
 * a random suffix. Returns its name, for openPostgres(databaseUrlFor(name)) and dropDatabase.
 */
export async function createDatabase(prefix: string, { template }: { template?: string } = {}): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminDatabaseUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  return name;
}

/** Drops databases made by createDatabase, connections or not. */
export async function dropDatabases(names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const admin = postgres(adminDatabaseUrl(), { max: 1, onnotice: () => {} });
  for (const name of names) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
