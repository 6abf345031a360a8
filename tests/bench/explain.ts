import { parseArgs } from "node:util";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { type Database, useDatabase as pointAtDatabase } from "@/db/client";
import * as schema from "@/db/schema";
import type { Actor } from "@/lib/access/actor";
import { listOpenableSpaces } from "@/lib/access/representations";
import { findLiveChallenge } from "@/lib/auth/challenges";
import { findLiveSession } from "@/lib/auth/sessions";
import { findLiveFlow } from "@/lib/enrolment/flows";
import { lockLiveCode } from "@/lib/enrolment/provisional-codes";
import { findMedicalProfile } from "@/lib/medical-profile/queries";
import { countUnreadMessages, findConversations, findMessagingAddress } from "@/lib/messaging/queries";
import { findQuestionnaireState } from "@/lib/onboarding/questionnaire";
import { findChildrenOf, findInsuredPersonByIdentity } from "@/lib/register/queries";
import { NO_STATEMENT_FILTERS } from "@/lib/reimbursements/filters";
import {
  findCareYears,
  findLatestCareEvents,
  findRemainingChargeByYearAndCategory,
  findStatementPage,
  findYearTotals,
  streamStatementLines,
} from "@/lib/reimbursements/queries";
import { reimbursementScopeOf } from "@/lib/reimbursements/scope";
import { createOpaqueToken } from "@/lib/security/secrets";
import { describeError } from "./errors";

/*
 * npm run bench:explain [-- --database-url postgres://…] [--without-index <name>]
 *
 * EXPLAIN (ANALYZE, BUFFERS) of the main per-person queries, exactly as lib/ builds them: each
 * lib function runs once through a Drizzle instance that records its statements, then each
 * recorded SELECT is explained with its parameters. Run it on a database grown with the scale
 * data set (npm run bench -- --scale leaves mes_bench at 100,000 persons). Read-only: the
 * statements that lock rows run inside a transaction that is rolled back.
 *
 * `--without-index care_events_person_date_id_index` (repeatable) explains as if that index did
 * not exist: it is dropped inside each explained statement's transaction, which is rolled back,
 * so the "before" plan of an index is read on the same data as the "after" one.
 */

const { values } = parseArgs({
  options: {
    "database-url": { type: "string", default: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/mes_bench" },
    "without-index": { type: "string", multiple: true, default: [] },
  },
});

type Recorded = { query: string; params: unknown[] };

const indexesLeftOut = values["without-index"];
for (const name of indexesLeftOut) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`--without-index takes an index name, not ${name}`);
}

const client = postgres(values["database-url"], { max: 1, onnotice: () => {} });
const recorded: Recorded[] = [];
const db = drizzle(client, {
  schema,
  casing: "snake_case",
  logger: { logQuery: (query, params) => recorded.push({ query, params }) },
}) as unknown as Database;
// Use cases open the database themselves (getDb): they get the recording one too.
pointAtDatabase({ db, kind: "postgres", close: async () => {} });

class RolledBack extends Error {}

/**
 * Runs `call` and returns the SELECT statements it issued; anything it wrote is rolled back. The
 * use cases that open the database themselves (getDb) get the transaction too: the client has one
 * connection, which the transaction holds, so a query on the bare database would wait for it for
 * ever (the Remboursements queries hung so, and the run printed no plan at all).
 */
async function statementsOf(call: (executor: Database) => Promise<unknown>): Promise<Recorded[]> {
  recorded.length = 0;
  try {
    await db.transaction(async (tx) => {
      const executor = tx as unknown as Database;
      pointAtDatabase({ db: executor, kind: "postgres", close: async () => {} });
      try {
        await call(executor);
      } finally {
        pointAtDatabase({ db, kind: "postgres", close: async () => {} });
      }
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  return recorded.filter((statement) => /^\s*(\(\s*)?(select|with)\b/i.test(statement.query));
}

async function explain({ query, params }: Recorded): Promise<string[]> {
  let plan: string[] = [];
  try {
    // Inside a transaction rolled back at once: FOR UPDATE takes real locks, released here.
    await client.begin(async (tx) => {
      for (const name of indexesLeftOut) await tx.unsafe(`drop index if exists "${name}"`);
      const rows = await tx.unsafe(`explain (analyze, buffers) ${query}`, params as never[]);
      plan = rows.map((row) => String((row as Record<string, unknown>)["QUERY PLAN"]));
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  return plan;
}

async function samplePerson() {
  // The busiest mailbox: the worst case among people, not the median.
  const [busiest] = await client<{ person_id: string }[]>`
    select person_id from messages group by person_id order by count(*) desc limit 1`;
  if (!busiest) throw new Error("no messages: grow the database with the scale data set first (npm run bench -- --scale)");
  const [person] = await client<{ id: string; nir: string; birth_date: string; vitale_serial: string }[]>`
    select id, nir, birth_date::text, vitale_serial from insured_persons where id = ${busiest.person_id}`;
  const [parent] = await client<{ guardian_nir: string }[]>`select guardian_nir from guardianships limit 1`;
  const [session] = await client<{ id: string }[]>`select id from sessions where revoked_at is null order by last_active_at desc limit 1`;
  if (!person || !parent || !session) throw new Error("the database lacks people, children or sessions: grow it with the scale data set first");
  return { person, parentNir: parent.guardian_nir, sessionId: session.id };
}

async function main(): Promise<void> {
  const [{ persons } = { persons: 0 }] = await client<{ persons: number }[]>`select count(*)::int as persons from insured_persons`;
  console.log(`Database ${new URL(values["database-url"]).pathname.slice(1)}: ${persons.toLocaleString("en")} insured persons`);
  const sizes = await client<{ table: string; rows: number; size: string }[]>`
    select relname as table, n_live_tup::int as rows, pg_size_pretty(pg_total_relation_size(relid)) as size
    from pg_stat_user_tables where n_live_tup > 0 order by pg_total_relation_size(relid) desc`;
  for (const { table, rows, size } of sizes) console.log(`  ${table.padEnd(28)} ${rows.toLocaleString("en").padStart(10)} rows  ${size}`);

  const { person, parentNir, sessionId } = await samplePerson();
  const now = new Date();
  // The sample person acting in their own space, as requireActor would give it; ids only matter here.
  const actor: Actor = {
    // mayOpenOtherSpaces: the list of spaces is then read, as for a parent, and explained.
    account: { id: "00000000-0000-4000-8000-000000000000", kind: "patient", mayOpenOtherSpaces: true },
    session: { id: sessionId },
    subject: { personId: person.id, fullName: "", firstName: "", basis: "self", representationId: "00000000-0000-4000-8000-000000000000", hasCompletedQuestionnaire: true },
  };
  // Remboursements: the person with the most statement lines, in their own space (the scope is read once, outside the explained calls).
  const [busiestPatient] = await client<{ person_id: string }[]>`
    select person_id from care_events group by person_id order by count(*) desc limit 1`;
  const statementActor: Actor = { ...actor, account: { ...actor.account, mayOpenOtherSpaces: false }, subject: { ...actor.subject, personId: busiestPatient?.person_id ?? person.id } };
  const scope = await reimbursementScopeOf(statementActor, { now, includeChildren: true });
  const [middle] = await client<{ care_date: string; id: string }[]>`
    select care_date::text, id from care_events where person_id = ${scope.subjectPersonId} order by care_date desc, id desc offset 50 limit 1`;
  const yearFilter = { ...NO_STATEMENT_FILTERS, fromDate: `${now.getUTCFullYear() - 1}-01-01`, untilDate: `${now.getUTCFullYear() - 1}-12-31`, category: "medical-dental-care" as const };
  const cases: [string, (executor: Database) => Promise<unknown>][] = [
    ["findStatementPage (Remboursements, first page)", () => findStatementPage({ scope, filters: NO_STATEMENT_FILTERS, cursor: null })],
    [
      "findStatementPage (Remboursements, a later page by keyset)",
      () => findStatementPage({ scope, filters: NO_STATEMENT_FILTERS, cursor: middle ? { direction: "older", careDate: middle.care_date, id: middle.id } : null }),
    ],
    ["findStatementPage (Remboursements filtered by year and type)", () => findStatementPage({ scope, filters: yearFilter, cursor: null })],
    ["findYearTotals (Remboursements)", () => findYearTotals({ scope, filters: NO_STATEMENT_FILTERS })],
    ["findRemainingChargeByYearAndCategory (Remboursements' chart)", () => findRemainingChargeByYearAndCategory({ scope, filters: NO_STATEMENT_FILTERS })],
    ["findCareYears (Remboursements' « Année »)", () => findCareYears(scope)],
    ["findLatestCareEvents (Accueil)", () => findLatestCareEvents(scope)],
    ["streamStatementLines (Exporter (CSV), first batch)", async () => (await streamStatementLines({ scope, filters: NO_STATEMENT_FILTERS }).next()).value],
    [
      "findInsuredPersonByIdentity (code request, code entry)",
      (executor) => findInsuredPersonByIdentity(executor, { nir: person.nir, birthDate: person.birth_date, vitaleSerial: person.vitale_serial }),
    ],
    ["findChildrenOf (children of a parent)", (executor) => findChildrenOf(executor, parentNir)],
    ["findLiveFlow (every enrolment page)", (executor) => findLiveFlow(executor, createOpaqueToken(), now)],
    ["lockLiveCode (code entry)", (executor) => lockLiveCode(executor, person.id, now)],
    ["findLiveChallenge (login code step)", (executor) => findLiveChallenge(executor, createOpaqueToken(), "login", now)],
    ["findLiveSession (every page of the space)", (executor) => findLiveSession(executor, sessionId, { now, touch: false })],
    ["findQuestionnaireState (every page of the space)", () => findQuestionnaireState({ actor })],
    ["countUnreadMessages (every page of the space)", () => countUnreadMessages({ actor })],
    ["listOpenableSpaces (every page of the space: Changer de profil)", () => listOpenableSpaces({ actor, now })],
    ["findConversations (Messagerie)", () => findConversations({ actor })],
    ["findMessagingAddress (Messagerie)", () => findMessagingAddress({ actor })],
    ["findMedicalProfile (Profil médical)", () => findMedicalProfile({ actor })],
  ];
  for (const [label, call] of cases) {
    for (const statement of await statementsOf(call)) {
      console.log(`\n== ${label}\n${statement.query}`);
      for (const line of await explain(statement)) console.log(`   ${line}`);
    }
  }
}

try {
  await main();
} catch (error) {
  console.error(`bench:explain failed: ${describeError(error)}`);
  process.exitCode = 1;
} finally {
  await client.end();
}
