import { count, getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as schema from "@/db/schema";

describe("test database", () => {
  it("starts migrated and empty", async () => {
    // Every table of the schema exists (migrated), and none holds a row yet (empty).
    const tables = Object.values(schema).filter((value) => is(value, PgTable));
    expect(tables.length).toBeGreaterThan(10);
    for (const table of tables) {
      const [row] = await getDb().select({ n: count() }).from(table);
      expect({ table: getTableName(table), rows: row?.n }).toEqual({ table: getTableName(table), rows: 0 });
    }
  });
});
