import { type Column, getTableColumns, getTableName } from "drizzle-orm";
import { CasingCache } from "drizzle-orm/casing";
import type { PgTable } from "drizzle-orm/pg-core";
import type { SerializableParameter, TransactionSql } from "postgres";
import {
  accounts,
  authChallenges,
  careEvents,
  contactVerifications,
  conversations,
  enrolmentFlows,
  guardianships,
  insuredPersons,
  measurements,
  messages,
  onboardingQuestionnaires,
  oppositions,
  outgoingMessages,
  postalLetters,
  professionals,
  profileItems,
  provisionalCodes,
  representations,
  sessions,
  spaces,
  statementLines,
} from "@/db/schema";

/**
 * The tables the generator fills, parents before children (foreign keys). A family that adds
 * rows to a table missing here is refused at once: a new table gets its place in this list.
 */
const INSERT_ORDER: readonly PgTable[] = [
  professionals,
  insuredPersons,
  guardianships,
  spaces,
  oppositions,
  enrolmentFlows,
  contactVerifications,
  provisionalCodes,
  accounts,
  representations,
  sessions,
  authChallenges,
  onboardingQuestionnaires,
  measurements,
  profileItems,
  conversations,
  messages,
  outgoingMessages,
  postalLetters,
  careEvents,
  statementLines,
];

/** PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMETERS = 65_000;

/** The SQL names Drizzle gives the columns with the project's `casing: "snake_case"` (db/client.ts). */
const casing = new CasingCache("snake_case");

/**
 * The columns to insert: those some row gives a value. A row that leaves out a column another
 * row sets gets NULL there, which is only right for a nullable column without a default.
 */
function columnsToInsert(table: PgTable, rows: readonly Record<string, unknown>[]): [string, Column][] {
  const entries = Object.entries(getTableColumns(table)) as [string, Column][];
  const used = entries.filter(([key]) => rows.some((row) => row[key] !== undefined));
  for (const [key, column] of used) {
    if ((column.notNull || column.hasDefault) && rows.some((row) => row[key] === undefined)) {
      throw new Error(`${getTableName(table)}.${key}: set in some rows and left out in others; give it in every row`);
    }
  }
  return used;
}

/** The rows of one batch of people, by table, as the families produce them. */
export class RowSet {
  private readonly rowsByTable = new Map<PgTable, Record<string, unknown>[]>();

  add<T extends PgTable>(table: T, ...rows: T["$inferInsert"][]): void {
    if (!INSERT_ORDER.includes(table)) {
      throw new Error(`table ${getTableName(table)} has no place in INSERT_ORDER (tests/bench/scale/rows.ts)`);
    }
    const list = this.rowsByTable.get(table) ?? [];
    list.push(...(rows as Record<string, unknown>[]));
    this.rowsByTable.set(table, list);
  }

  /**
   * Multi-row INSERTs through the `postgres` driver, table by table in foreign-key order, as many
   * rows per statement as the parameter limit allows; row counts by table. Not COPY: postgres.js
   * 3.4.9 never settles a COPY the server refuses (porsager/postgres#1173), so one bad row would
   * hang the generator instead of failing it. `skipExisting` leaves out rows already there (any
   * unique key), for the shared rows every run adds again.
   */
  async insert(sql: TransactionSql, { skipExisting = false }: { skipExisting?: boolean } = {}): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of INSERT_ORDER) {
      const rows = this.rowsByTable.get(table);
      if (!rows?.length) continue;
      const columns = columnsToInsert(table, rows);
      const names = columns.map(([, column]) => casing.getColumnCasing(column));
      const rowsPerStatement = Math.floor(MAX_PARAMETERS / columns.length);
      for (let start = 0; start < rows.length; start += rowsPerStatement) {
        // Values as Drizzle would send them (timestamps as ISO strings, JSON as text, …).
        const values = rows.slice(start, start + rowsPerStatement).map((row) =>
          Object.fromEntries(
            columns.map(([key, column], index) => {
              const value = row[key];
              return [names[index], value === null || value === undefined ? null : column.mapToDriverValue(value)];
            }),
          ),
        );
        const into = sql(getTableName(table));
        const list = sql(values as Record<string, SerializableParameter>[], ...names);
        if (skipExisting) await sql`insert into ${into} ${list} on conflict do nothing`;
        else await sql`insert into ${into} ${list}`;
      }
      counts[getTableName(table)] = rows.length;
    }
    return counts;
  }
}
