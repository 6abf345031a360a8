import postgres from "postgres";
import { SCALE_PASSWORD, growScaleData } from "./scale";

/**
 * Accounts of the scale data set's people (tests/bench/scale), for the password step measured
 * over many accounts: the step locks the account's row while it checks the password, so logins
 * to one account queue behind each other, which no crowd of real people does. Their identifiers
 * end with the person's index in the data set (identifierFor), and they all take SCALE_PASSWORD.
 */
export type AccountPool = { identifiers: string[]; password: string };

/** Generated identifiers ("<first name>.<birth name>.<index>"): the demo register's never end with digits. */
const GENERATED_IDENTIFIER = "\\.[0-9]+$";

async function findGeneratedIdentifiers(sql: postgres.Sql, limit: number): Promise<string[]> {
  const rows = await sql<{ identifier: string }[]>`
    select accounts.identifier from accounts
    join spaces on spaces.person_id = accounts.person_id and spaces.status = 'active'
    where accounts.identifier ~ ${GENERATED_IDENTIFIER} and accounts.locked_until is null
    order by accounts.identifier limit ${limit}`;
  return rows.map((row) => row.identifier);
}

/**
 * At least `size` generated accounts with an active space: the register grows with the scale
 * data set until it holds them (about one person in two has one), then their identifiers.
 */
export async function ensureAccountPool(databaseUrl: string, size: number): Promise<AccountPool & { personsAdded: number }> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  let personsAdded = 0;
  try {
    for (let round = 0; round < 10; round += 1) {
      const identifiers = await findGeneratedIdentifiers(sql, size);
      if (identifiers.length >= size) return { identifiers, password: SCALE_PASSWORD, personsAdded };
      const [row] = await sql<{ total: number }[]>`select count(*)::int as total from insured_persons`;
      const missing = size - identifiers.length;
      const report = await growScaleData(databaseUrl, { persons: (row?.total ?? 0) + 2 * missing + 10 });
      personsAdded += report.personsAfter - report.personsBefore;
    }
    throw new Error(`the scale data set gave fewer than ${size} active accounts after ten rounds`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
