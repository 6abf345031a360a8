import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * A landed migration never changes (docs/decisions/0001): databases already migrated would
 * silently miss what an edit adds. Each migration's SHA-256 is recorded when it lands, in
 * db/migrations/checksums.json (`npm run db:checksums`), and a test compares them on every run.
 */
export const migrationsDirectory = path.join(import.meta.dirname, "migrations");
export const checksumsFile = path.join(migrationsDirectory, "checksums.json");

export type MigrationChecksums = Record<string, string>;

/** The committed migrations, in the order drizzle applies them (their names start with a number). */
export function listMigrationFiles(): string[] {
  return readdirSync(migrationsDirectory)
    .filter((name) => name.endsWith(".sql"))
    .sort();
}

export function checksumOf(fileName: string): string {
  return createHash("sha256").update(readFileSync(path.join(migrationsDirectory, fileName))).digest("hex");
}

export function readRecordedChecksums(): MigrationChecksums {
  return JSON.parse(readFileSync(checksumsFile, "utf8")) as MigrationChecksums;
}
