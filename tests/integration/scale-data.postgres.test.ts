import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { growScaleData } from "@/tests/bench/scale";
import { createDatabase, databaseUrlFor, dropDatabases } from "@/tests/support/postgres-urls";

/*
 * The scale data set (npm run bench -- --scale, npm run bench:generate) writes through multi-row
 * INSERTs that bypass lib/: a schema change its families do not follow (a new CHECK, a new NOT NULL)
 * breaks it only when someone next measures. Growing a small database on every run catches that.
 * PostgreSQL only (a *.postgres.test.ts file, which vitest.config.ts keeps out of the PGlite
 * project): the generator speaks to PostgreSQL through its URL, as the benchmark does.
 */
const databases: string[] = [];

afterAll(async () => {
  await dropDatabases(databases);
});

describe("the scale data set", () => {
  it("grows a migrated database under every constraint of the schema, statement lines and two-way messages included", async () => {
    const name = await createDatabase("mes_scale", { template: inject("postgresTemplate") });
    databases.push(name);
    const url = databaseUrlFor(name);
    const report = await growScaleData(url, { persons: 60, statementLines: 600, now: new Date("2026-07-01T09:00:00Z") });
    expect(report.personsAfter).toBe(60);
    expect(report.rows.statement_lines).toBeGreaterThan(300);
    expect(report.rows.messages).toBeGreaterThan(0);

    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const [messages] = await sql<{ fromProfessionals: number; unnamed: number }[]>`
        select count(*) filter (where sender_kind = 'professional')::int as "fromProfessionals",
               count(*) filter (where sender_kind = 'professional' and sender_professional_id is null)::int as unnamed
        from messages`;
      expect(messages?.fromProfessionals).toBeGreaterThan(0);
      expect(messages?.unnamed).toBe(0);
      // A second run adds nobody and finds the same professionals.
      const again = await growScaleData(url, { persons: 60, statementLines: 600 });
      expect(again.personsAfter).toBe(60);
      const [professionals] = await sql<{ total: number }[]>`select count(*)::int as total from professionals`;
      expect(professionals?.total).toBe(6);
    } finally {
      await sql.end();
    }
  });
});
