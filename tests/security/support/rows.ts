import { sql } from "../../e2e/support/register";

/**
 * A fingerprint of everything the database holds about one person: every row of every table
 * with a person_id column, a subject_person_id column (their activity history), or an account_id column through the person's account (found in the
 * catalogue, so tables added later are covered too), and their register entry. Two equal snapshots mean no row about them was written, added or removed.
 */
export type PersonSnapshot = Record<string, string>;

type PersonTable = { tableName: string; columnName: "person_id" | "subject_person_id" | "account_id" | "professional_id" };
let personTables: Promise<PersonTable[]> | undefined;

function listPersonTables(): Promise<PersonTable[]> {
  personTables ??= sql<PersonTable[]>`
    select table_name as "tableName", column_name as "columnName" from information_schema.columns
    where table_schema = 'public' and (column_name in ('person_id', 'subject_person_id', 'account_id') or (column_name = 'professional_id' and table_name <> 'accounts'))
    order by table_name, column_name`;
  return personTables;
}

/**
 * `ignoresSessionActivity`: a request made with the person's own session cookie counts as their
 * activity (sessions.last_active_at moves, at most once a minute); anything else still counts.
 */
export async function snapshotPerson(personId: string, { ignoresSessionActivity = false } = {}): Promise<PersonSnapshot> {
  const ignored = ignoresSessionActivity ? ["last_active_at"] : [];
  // One statement for every table (a union of one digest per table): the attack suite takes a
  // snapshot before and after each of its thousands of requests' groups, and one round trip per
  // table made the snapshots a good part of its time (docs/decisions/0008-test-budget.md).
  const digests = (await listPersonTables()).map(({ tableName, columnName }) => {
    const owner =
      columnName === "person_id"
        ? sql`t.person_id = ${personId}`
        : columnName === "subject_person_id"
          ? // The activity history: every write's event, about the person whoever acted (decision 0010).
            sql`t.subject_person_id = ${personId}`
        : columnName === "professional_id"
          ? // A professional victim's rows of the directory's side (their accesses to patients, their emergency accesses).
            sql`t.professional_id = ${personId}`
          : // A professional victim (/pro) is named by their directory id: their account's rows are theirs.
            sql`t.account_id in (select id from accounts where person_id = ${personId} or professional_id = ${personId})`;
    return sql`
      select ${`${tableName}.${columnName}`}::text as key,
             md5(string_agg((to_jsonb(t) - ${ignored}::text[])::text, '|' order by (to_jsonb(t) - ${ignored}::text[])::text)) as digest,
             count(*)::int as count
      from ${sql(tableName)} t where ${owner}`;
  });
  const register = sql`select 'insured_persons'::text as key, md5(t::text) as digest, null::int as count from insured_persons t where id = ${personId}`;
  const union = digests.reduce((all, digest) => sql`${all} union all (${digest})`, sql`(${register})`);
  const rows = await sql<{ key: string; digest: string | null; count: number | null }[]>`${union}`;
  const snapshot: PersonSnapshot = { insured_persons: "" };
  for (const { key, digest, count } of rows) snapshot[key] = key === "insured_persons" ? (digest ?? "") : `${count ?? 0}:${digest ?? ""}`;
  return snapshot;
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: PersonSnapshot, after: PersonSnapshot): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}
