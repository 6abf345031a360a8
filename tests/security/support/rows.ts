import { sql } from "../../e2e/support/register";

/**
 * A fingerprint of everything the database holds about one person: every row of every table
 * with a person_id column (found in the catalogue, so tables added later are covered too), and
 * their register entry. Two equal snapshots mean no row about them was written, added or removed.
 */
export type PersonSnapshot = Record<string, string>;

let personTables: Promise<string[]> | undefined;

function listPersonTables(): Promise<string[]> {
  personTables ??= sql<{ tableName: string }[]>`
    select table_name as "tableName" from information_schema.columns
    where table_schema = 'public' and column_name = 'person_id' order by table_name`.then((rows) => rows.map((row) => row.tableName));
  return personTables;
}

/**
 * `ignoresSessionActivity`: a request made with the person's own session cookie counts as their
 * activity (sessions.last_active_at moves, at most once a minute); anything else still counts.
 */
export async function snapshotPerson(personId: string, { ignoresSessionActivity = false } = {}): Promise<PersonSnapshot> {
  const snapshot: PersonSnapshot = {};
  const [register] = await sql<{ digest: string }[]>`
    select md5(t::text) as digest from insured_persons t where id = ${personId}`;
  snapshot.insured_persons = register?.digest ?? "";
  const ignored = ignoresSessionActivity ? ["last_active_at"] : [];
  for (const table of await listPersonTables()) {
    const [row] = await sql<{ digest: string | null; count: number }[]>`
      select md5(string_agg((to_jsonb(t) - ${ignored}::text[])::text, '|' order by (to_jsonb(t) - ${ignored}::text[])::text)) as digest,
             count(*)::int as count
      from ${sql(table)} t where person_id = ${personId}`;
    snapshot[table] = `${row?.count ?? 0}:${row?.digest ?? ""}`;
  }
  return snapshot;
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: PersonSnapshot, after: PersonSnapshot): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}
