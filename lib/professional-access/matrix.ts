import "server-only";
import { count, eq, sql } from "drizzle-orm";
import { cache } from "react";
import { type Executor, getDb } from "@/db/client";
import { accessMatrixEntries } from "@/db/schema";
import { DOCUMENT_TYPES } from "@/lib/documents/document-types";
import { type AccessMatrixEntry, defaultAccessMatrix } from "./default-matrix";
import { type AccessMatrixFileError, readAccessMatrixFile } from "./matrix-file";

/** Keeps every insert well under PostgreSQL's 65,535 bind parameters (three per row). */
const CHUNK_SIZE = 1000;

async function insertEntries(executor: Executor, entries: readonly AccessMatrixEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += CHUNK_SIZE) {
    await executor.insert(accessMatrixEntries).values(entries.slice(start, start + CHUNK_SIZE));
  }
}

/**
 * Puts the documented default (default-matrix.ts) in the table when the table holds no row: run
 * after every migration (db/migrate.ts), so a fresh database, the embedded one at start and every
 * test database have it. A table someone filled, by import or otherwise, is left as it is.
 */
export async function seedDefaultAccessMatrixIfEmpty(executor: Executor): Promise<boolean> {
  return executor.transaction(async (tx) => {
    // Two processes migrating at once: the second waits, then finds the rows.
    await tx.execute(sql`lock table access_matrix_entries in share row exclusive mode`);
    const [row] = await tx.select({ n: count() }).from(accessMatrixEntries);
    if ((row?.n ?? 0) > 0) return false;
    await insertEntries(tx, defaultAccessMatrix());
    return true;
  });
}

export type AccessMatrixImportResult =
  | { status: "imported"; entries: number; accessible: number }
  | { status: "rejected"; errors: AccessMatrixFileError[] };

/**
 * `npm run access-matrix:import`: the official table replaces the whole matrix, in one
 * transaction, or nothing changes when any line is wrong.
 */
export async function importAccessMatrix(csvText: string): Promise<AccessMatrixImportResult> {
  const file = readAccessMatrixFile(csvText);
  if (file.errors.length > 0) return { status: "rejected", errors: file.errors };
  await getDb().transaction(async (tx) => {
    await tx.delete(accessMatrixEntries);
    await insertEntries(tx, file.entries);
  });
  return { status: "imported", entries: file.entries.length, accessible: file.entries.filter((entry) => entry.isAccessible).length };
}

/** Whether the matrix lets this profession read a document type; a pair the table does not hold is not accessible. */
export type TypeAccessibility = (documentTypeCode: string) => boolean;

/**
 * The matrix for one profession, in one query, kept for the rest of the request (React's cache):
 * what decide.ts's `professionalMay` takes as `isTypeAccessible`.
 */
export const isTypeAccessibleFor = cache(async (professionCode: string): Promise<TypeAccessibility> => {
  const accessible = await findAccessibleTypeCodes(getDb(), professionCode);
  return (documentTypeCode) => accessible.has(documentTypeCode);
});

async function findAccessibleTypeCodes(executor: Executor, professionCode: string): Promise<Set<string>> {
  const rows = await executor
    .select({ documentTypeCode: accessMatrixEntries.documentTypeCode, isAccessible: accessMatrixEntries.isAccessible })
    .from(accessMatrixEntries)
    .where(eq(accessMatrixEntries.professionCode, professionCode));
  return new Set(rows.filter((row) => row.isAccessible).map((row) => row.documentTypeCode));
}

export type DocumentTypeAccess = { code: string; label: string; category: (typeof DOCUMENT_TYPES)[number]["category"] };

/**
 * « Détail des droits d'accès »: every document type this service knows, split into what the
 * profession may read and what it may not, in the list's order.
 */
export async function describeAccessMatrixFor(
  professionCode: string,
): Promise<{ accessible: DocumentTypeAccess[]; notAccessible: DocumentTypeAccess[] }> {
  const isAccessible = await isTypeAccessibleFor(professionCode);
  const types = DOCUMENT_TYPES.map(({ code, label, category }) => ({ code, label, category }));
  return { accessible: types.filter((type) => isAccessible(type.code)), notAccessible: types.filter((type) => !isAccessible(type.code)) };
}
