import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openPglite, openPostgres } from "@/db/client";
import { migrateDatabase, migrationsFolder } from "@/db/migrate";
import { createDatabase, databaseUrlFor, dropDatabases } from "@/tests/support/postgres-urls";

/**
 * A database made by main before the actor model (migration 0000 only) moves forward without
 * losing anything: accounts keep their login and get an id, sessions and login attempts follow
 * their account, each account gets its own representation, and each child's "ouvrant droit"
 * becomes a guardianship.
 */

const toDrop: string[] = [];

async function openEmptyDatabase(): Promise<DatabaseHandle> {
  if (process.env.TEST_DATABASE !== "postgres") return openPglite();
  const name = await createDatabase("mes_migration");
  toDrop.push(name);
  return openPostgres(databaseUrlFor(name), { max: 1 });
}

afterAll(() => dropDatabases(toDrop));

/** The committed migrations up to `tag`, in a folder of their own, as main had them then. */
function migrationsUpTo(tag: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), "mes-migrations-"));
  mkdirSync(path.join(folder, "meta"));
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  const end = journal.entries.findIndex((entry) => entry.tag === tag);
  if (end < 0) throw new Error(`no migration ${tag}`);
  const entries = journal.entries.slice(0, end + 1);
  for (const entry of entries) copyFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  return folder;
}

const CAMILLE = "11111111-1111-4111-8111-111111111111";
const ZOE = "22222222-2222-4222-8222-222222222222";
const LEO = "33333333-3333-4333-8333-333333333333";
const PAUL = "44444444-4444-4444-8444-444444444444";
const SESSION = "55555555-5555-4555-8555-555555555555";
const CHALLENGE = "66666666-6666-4666-8666-666666666666";

/** Two migration runs on a fresh database: on PGlite (WebAssembly) that alone takes tens of seconds. */
const MIGRATION_TEST_TIMEOUT_MS = 180_000;

describe("migrating a database made before the actor model", () => {
  it("moves accounts, sessions, login attempts and parents' NIRs without losing a row", { timeout: MIGRATION_TEST_TIMEOUT_MS }, async () => {
    const handle = await openEmptyDatabase();
    try {
      await migrateDatabase(handle, migrationsUpTo("0000_init"));
      // postgres.js answers with the rows, PGlite with { rows }.
      const run = async (query: string) => {
        const result = (await handle.db.execute(sql.raw(query))) as unknown as Record<string, unknown>[] | { rows: Record<string, unknown>[] };
        return { rows: Array.isArray(result) ? [...result] : result.rows };
      };
      await run(`
        insert into insured_persons (id, nir, birth_name, first_names, sex, birth_date, birth_place_code, vitale_serial, parent_nir) values
          ('${CAMILLE}', '284057511502366', 'Martin', 'Camille', 'F', '1984-05-12', '75115', '10284051201', null),
          ('${ZOE}', '215057511502300', 'Martin', 'Zoé', 'F', '2015-05-12', '75115', '21505751', '284057511502366'),
          ('${LEO}', '117057511502301', 'Martin', 'Léo', 'M', '2017-05-12', '75115', '11705751', '170037505601229'),
          ('${PAUL}', '179057511502302', 'Durand', 'Paul', 'M', '1979-05-12', '75115', '17905751102', null)`);
      await run(`
        insert into accounts (person_id, identifier, password_hash, email, lock_count, created_at)
        values ('${CAMILLE}', 'camille.martin', '$argon2id$stand-in', 'camille@example.org', 2, '2026-03-01T08:00:00Z')`);
      await run(`insert into sessions (id, person_id, expires_at, user_agent) values ('${SESSION}', '${CAMILLE}', now() + interval '1 hour', 'Firefox')`);
      await run(`
        insert into auth_challenges (id, token_hash, person_id, purpose, first_factor_at, expires_at)
        values ('${CHALLENGE}', 'hash-of-a-token', '${CAMILLE}', 'login', now(), now() + interval '30 minutes')`);

      await migrateDatabase(handle);

      const [account] = (await run(`select id, kind, person_id, identifier, password_hash, email, lock_count from accounts`)).rows;
      expect(account).toMatchObject({
        kind: "patient",
        person_id: CAMILLE,
        identifier: "camille.martin",
        password_hash: "$argon2id$stand-in",
        email: "camille@example.org",
        lock_count: 2,
      });
      const accountId = account?.id;
      expect(typeof accountId).toBe("string");
      expect((await run(`select id, account_id, user_agent, current_subject_person_id from sessions`)).rows).toEqual([
        { id: SESSION, account_id: accountId, user_agent: "Firefox", current_subject_person_id: null },
      ]);
      expect((await run(`select id, account_id from auth_challenges`)).rows).toEqual([{ id: CHALLENGE, account_id: accountId }]);
      const { rows: representations } = await run(
        `select actor_account_id, subject_person_id, basis, source, valid_from, valid_until, revoked_at from representations`,
      );
      expect(representations).toMatchObject([
        { actor_account_id: accountId, subject_person_id: CAMILLE, basis: "self", source: "activation", valid_until: null, revoked_at: null },
      ]);
      expect(new Date(String(representations[0]?.valid_from)).toISOString()).toBe("2026-03-01T08:00:00.000Z");
      const guardianships = (await run(`select child_person_id, guardian_nir, guardian_person_id, source from guardianships order by guardian_nir`)).rows;
      expect(guardianships).toEqual([
        // Léo's parent is not in the register: known by NIR only.
        { child_person_id: LEO, guardian_nir: "170037505601229", guardian_person_id: null, source: "register" },
        { child_person_id: ZOE, guardian_nir: "284057511502366", guardian_person_id: CAMILLE, source: "register" },
      ]);
      const columns = (await run(`select column_name from information_schema.columns where table_name = 'insured_persons'`)).rows;
      expect(columns.map((column) => (column as { column_name: string }).column_name)).not.toContain("parent_nir");
      expect((await run(`select count(*)::int as count from insured_persons`)).rows).toEqual([{ count: 4 }]);
    } finally {
      await handle.close();
    }
  });
});
