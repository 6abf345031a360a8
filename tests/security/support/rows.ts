import { sql } from "../../e2e/support/register";

/**
 * A fingerprint of everything the database holds about one person: every row of every table
 * with a person_id column, a subject_person_id column (their activity history), or an account_id column through the person's account (found in the
 * catalogue, so tables added later are covered too), the rows of tables that hold none of those
 * but belong to such a row by a foreign key (a statement's lines through their care event, a
 * connected service's codes and tokens through the connection), and their register entry. Two
 * equal snapshots mean no row about them was written, added or removed.
 */
export type PersonSnapshot = Record<string, string>;

type PersonColumn = "person_id" | "subject_person_id" | "account_id" | "professional_id";
type PersonTable =
  | { tableName: string; columnName: PersonColumn; parentTable?: undefined; parentColumn?: undefined }
  /** A table with no person column of its own: its rows are the person's through `columnName`, a foreign key to `parentTable`'s id, whose `parentColumn` names them. */
  | { tableName: string; columnName: string; parentTable: string; parentColumn: PersonColumn };
let personTables: Promise<PersonTable[]> | undefined;

function listPersonTables(): Promise<PersonTable[]> {
  personTables ??= (async () => {
    const direct = await sql<PersonTable[]>`
      select table_name as "tableName", column_name as "columnName" from information_schema.columns
      where table_schema = 'public' and (column_name in ('person_id', 'subject_person_id', 'account_id') or (column_name = 'professional_id' and table_name <> 'accounts'))
      order by table_name, column_name`;
    // Single-column foreign keys of tables without a person column to a table that has person_id.
    const children = await sql<PersonTable[]>`
      select child.relname as "tableName", child_column.attname as "columnName", parent.relname as "parentTable", 'person_id' as "parentColumn"
      from pg_constraint fk
      join pg_class child on child.oid = fk.conrelid
      join pg_class parent on parent.oid = fk.confrelid
      join pg_namespace ns on ns.oid = child.relnamespace and ns.nspname = 'public'
      join pg_attribute child_column on child_column.attrelid = fk.conrelid and child_column.attnum = fk.conkey[1]
      where fk.contype = 'f' and array_length(fk.conkey, 1) = 1
        and exists (select 1 from information_schema.columns c where c.table_schema = 'public' and c.table_name = parent.relname and c.column_name = 'person_id')
      order by 1, 2`;
    const withPersonColumn = new Set(direct.map((table) => table.tableName));
    return [...direct, ...children.filter((table) => !withPersonColumn.has(table.tableName))];
  })();
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
  const digests = (await listPersonTables()).map(({ tableName, columnName, parentTable }) => {
    const owner = parentTable
      ? sql`t.${sql(columnName)} in (select id from ${sql(parentTable)} where person_id = ${personId})`
      : columnName === "person_id"
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
