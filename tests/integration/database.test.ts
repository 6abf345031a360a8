import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";

describe("test database", () => {
  it("starts migrated and empty", async () => {
    const rows = await getDb().execute(sql`select count(*)::int as n from insured_persons`);
    expect(rows).toBeDefined();
  });
});
