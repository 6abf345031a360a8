import postgres from "postgres";
import { hashPassword } from "@/lib/auth/password-hash";
import { renderNotificationLetter } from "@/lib/pdf/notification-letter";
import { generateProvisionalCode } from "@/lib/security/secrets";
import { accountFamily } from "./account-family";
import { enrolmentFamily } from "./enrolment-family";
import type { FamilyContext, TableFamily } from "./family";
import { luhnCheckDigit } from "@/lib/professionals/rpps";
import { medicalProfileFamily } from "./medical-profile-family";
import { SCALE_PROFESSIONALS, messagingFamily } from "./messaging-family";
import { type PlannedPerson, planPerson } from "./population";
import { registerFamily } from "./register-family";
import { reimbursementsFamily } from "./reimbursements-family";
import { RowSet } from "./rows";

/** Every generated account's password: a load test of the login may sign in as anyone. */
export const SCALE_PASSWORD = "Mesure-Echelle-2026!";
export const DEFAULT_SCALE_SEED = 2026;

/** In insertion order of their main table; a new domain adds its family here and its tables in rows.ts. */
export const TABLE_FAMILIES: readonly TableFamily[] = [
  registerFamily,
  enrolmentFamily,
  accountFamily,
  medicalProfileFamily,
  messagingFamily,
  reimbursementsFamily,
];

/** Statement lines per person when none are asked for: 10,000,000 lines over 100,000 people. */
export const DEFAULT_STATEMENT_LINES_PER_PERSON = 100;

/** Rows a batch may hold in memory at once: a batch of people with a hundred lines each is cut smaller. */
const MAX_STATEMENT_LINES_PER_BATCH = 200_000;

export type GrowthReport = {
  personsBefore: number;
  personsAfter: number;
  /** Rows inserted, by table. */
  rows: Record<string, number>;
  seconds: number;
};

export type GrowthOptions = {
  /** Insured persons the register should hold at the end, those already there included. */
  persons: number;
  seed?: number;
  now?: Date;
  /**
   * Statement lines (care events of the insurer's feed) the database should hold at the end, those
   * already there included; spread over the people added. Unset: a hundred per new person.
   */
  statementLines?: number;
  /** People per transaction. */
  batchSize?: number;
  onProgress?: (persons: number) => void;
};

async function countStatementLines(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ total: number }[]>`select count(*)::int as total from statement_lines`;
  return row?.total ?? 0;
}

/** The professionals the messaging family names, inserted once (a second run finds them by RPPS); their ids by name. */
async function ensureScaleProfessionals(sql: postgres.Sql): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const professional of SCALE_PROFESSIONALS) {
    const rpps = `${professional.rppsBody}${luhnCheckDigit(professional.rppsBody)}`;
    await sql`
      insert into professionals (rpps, last_name, first_name, profession_code, specialty, structure_name, city)
      values (${rpps}, ${professional.lastName}, ${professional.firstName}, ${professional.professionCode}, ${professional.specialty},
              'Cabinet Exemple (fictif)', 'Paris')
      on conflict (rpps) do nothing`;
    const [row] = await sql<{ id: string }[]>`select id from professionals where rpps = ${rpps}`;
    if (!row) throw new Error(`scale professional ${rpps} missing after insert`);
    ids.set(professional.name, row.id);
  }
  return ids;
}

async function countPersons(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ total: number }[]>`select count(*)::int as total from insured_persons`;
  return row?.total ?? 0;
}

/**
 * Grows a migrated PostgreSQL database to `persons` insured people with the scale data set:
 * people are added in index order, skipping those already there (same NIR), so the set grows
 * without duplicates. Multi-row INSERTs through the `postgres` driver, one transaction per batch.
 */
export async function growScaleData(databaseUrl: string, options: GrowthOptions): Promise<GrowthReport> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await grow(sql, options);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function grow(sql: postgres.Sql, options: GrowthOptions): Promise<GrowthReport> {
  const startedAt = performance.now();
  const { persons, seed = DEFAULT_SCALE_SEED, now = new Date(), onProgress } = options;
  const personsBefore = await countPersons(sql);
  const linesBefore = await countStatementLines(sql);
  const statementLinesPerPerson =
    options.statementLines === undefined
      ? DEFAULT_STATEMENT_LINES_PER_PERSON
      : Math.max(0, options.statementLines - linesBefore) / Math.max(1, persons - personsBefore);
  const batchSize = Math.max(
    1,
    Math.min(options.batchSize ?? 5_000, Math.floor(MAX_STATEMENT_LINES_PER_BATCH / Math.max(1, statementLinesPerPerson * 1.5))),
  );
  const rowCounts: Record<string, number> = {};
  if (personsBefore >= persons) return { personsBefore, personsAfter: personsBefore, rows: rowCounts, seconds: 0 };

  const existingNirs = new Set((await sql<{ nir: string }[]>`select nir from insured_persons`).map((row) => row.nir));
  const context: FamilyContext = {
    now,
    statementLinesPerPerson,
    professionalIds: await ensureScaleProfessionals(sql),
    passwordHash: await hashPassword(SCALE_PASSWORD),
    letterPdf: await renderNotificationLetter({
      fullName: "Camille Exemple",
      postalAddress: "1 rue de l'Exemple\n75011 Paris",
      code: generateProvisionalCode(),
      codeValidUntil: new Date(now.getTime() + 42 * 86_400_000),
      openingDate: new Date(now.getTime() + 42 * 86_400_000),
      issuedAt: now,
    }),
  };

  let total = personsBefore;
  const insertBatch = async (batch: PlannedPerson[]) => {
    const rows = new RowSet();
    for (const family of TABLE_FAMILIES) family.addRows(batch, rows, context);
    const counts = await sql.begin(async (tx) => {
      // A throwaway data set: losing the last batches in a crash costs nothing, waiting for each fsync does.
      await tx`set local synchronous_commit = off`;
      return rows.insert(tx);
    });
    for (const [table, added] of Object.entries(counts)) rowCounts[table] = (rowCounts[table] ?? 0) + added;
    total += batch.length;
    onProgress?.(total);
  };

  let batch: PlannedPerson[] = [];
  for (let index = 0; total + batch.length < persons; index += 1) {
    const planned = planPerson(index, { seed, now });
    if (existingNirs.has(planned.person.nir)) continue;
    batch.push(planned);
    if (batch.length === batchSize) {
      await insertBatch(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await insertBatch(batch);
  // As autovacuum leaves a long-lived database: fresh statistics and visibility maps, so plans
  // (index-only scans included) are those production would get.
  await sql`vacuum analyze`;
  return { personsBefore, personsAfter: total, rows: rowCounts, seconds: (performance.now() - startedAt) / 1000 };
}
