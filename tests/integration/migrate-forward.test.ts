import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import type { PGlite } from "@electric-sql/pglite";
import { type DatabaseHandle, openPglite, openPostgres } from "@/db/client";
import { migrateDatabase, migrationsFolder } from "@/db/migrate";
import { createDatabase, databaseUrlFor, dropDatabases } from "@/tests/support/postgres-urls";

/**
 * A database created by an older main, with data in every table, migrates forward to the current
 * schema without losing a row. The fixture is a dump made once with the migrations of that time
 * (see its header); a migration that moves data (a table split, a column turned into rows) adds
 * its own assertions below the generic ones.
 */
const FIXTURE = path.join(import.meta.dirname, "..", "fixtures", "migrations", "main-6b84316.sql");
const dump = readFileSync(FIXTURE, "utf8");

/** Rows the dump inserts, per table ("public.accounts", "drizzle.__drizzle_migrations"). */
function rowsInDump(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of dump.matchAll(/^INSERT INTO ([a-z_]+\.[a-z_]+) /gm)) {
    const table = match[1] as string;
    counts.set(table, (counts.get(table) ?? 0) + 1);
  }
  return counts;
}

const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };

let handle: DatabaseHandle | undefined;
let databaseName: string | undefined;

/** An empty database of the driver under test, loaded with the dump. */
async function restoreDump(): Promise<{ handle: DatabaseHandle; count: (table: string) => Promise<number> }> {
  if (process.env.TEST_DATABASE === "postgres") {
    databaseName = await createDatabase("mes_forward");
    const loader = postgres(databaseUrlFor(databaseName), { max: 1, onnotice: () => {} });
    await loader.unsafe(dump);
    await loader.end();
    handle = openPostgres(databaseUrlFor(databaseName), { max: 1 });
  } else {
    handle = openPglite();
    await (handle.db as unknown as { $client: PGlite }).$client.exec(dump);
  }
  const { db } = handle;
  return {
    handle,
    count: async (table) => {
      const result = await db.execute(sql.raw(`select count(*)::int as n from ${table}`));
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
      return rows[0]?.n ?? 0;
    },
  };
}

afterAll(async () => {
  await handle?.close();
  if (databaseName) await dropDatabases([databaseName]);
});

describe("a database made by main at 6b84316", () => {
  it("migrates to the current schema and keeps every row", async () => {
    const expected = rowsInDump();
    expect(expected.get("public.insured_persons")).toBeGreaterThan(20);
    expect(expected.get("drizzle.__drizzle_migrations")).toBe(1);

    const restored = await restoreDump();
    await migrateDatabase(restored.handle);

    for (const [table, rows] of expected) {
      if (table === "drizzle.__drizzle_migrations") continue;
      expect({ table, rows: await restored.count(table) }).toEqual({ table, rows });
    }
    // Measurements written before authors and blood pressure's second value (0005) are the patient's, with one value.
    const measured = await restored.handle.db.execute(
      sql.raw("select code, value::float8 as value, diastolic_value as diastolic, author_kind as author from public.measurements order by code"),
    );
    expect(Array.isArray(measured) ? measured : (measured as { rows: unknown[] }).rows).toEqual([
      { code: "29463-7", value: 62.5, diastolic: null, author: "patient" },
      { code: "8302-2", value: 168, diastolic: null, author: "patient" },
    ]);
    // Every migration is applied once: the old one is not run again, the new ones are.
    expect(await restored.count("drizzle.__drizzle_migrations")).toBe(journal.entries.length);
    // Medical profile entries keep what they held, written by the patient, with no date (0006).
    const items = await restored.handle.db.execute(
      sql.raw("select label, details, is_hidden_from_professionals as hidden, author_kind, start_year, is_ongoing from profile_items order by label"),
    );
    expect(Array.isArray(items) ? items : (items as { rows: unknown[] }).rows).toEqual([
      { label: "Grippe saisonnière", details: null, hidden: true, author_kind: "patient", start_year: null, is_ongoing: false },
      { label: "Pollen de bouleau", details: "Rhinite au printemps", hidden: false, author_kind: "patient", start_year: null, is_ongoing: false },
    ]);
    // A fresh PGlite (initdb) and the whole dump take longer than the default timeout on 2 cores.
  }, 180_000);
});
