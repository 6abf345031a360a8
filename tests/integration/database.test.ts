import { count, getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as schema from "@/db/schema";

describe("test database", () => {
  it("starts migrated and empty but for the default access matrix", async () => {
    // Every table of the schema exists (migrated), and none holds a row yet (empty), except the
    // access matrix, which migration fills with its documented default (db/migrate.ts).
    const tables = Object.values(schema).filter((value) => is(value, PgTable));
    expect(tables.length).toBeGreaterThan(10);
    const [matrix] = await getDb().select({ n: count() }).from(schema.accessMatrixEntries);
    expect(matrix?.n).toBeGreaterThan(0);
    for (const table of tables.filter((table) => table !== schema.accessMatrixEntries)) {
      const [row] = await getDb().select({ n: count() }).from(table);
      expect({ table: getTableName(table), rows: row?.n }).toEqual({ table: getTableName(table), rows: 0 });
    }
  });
});
