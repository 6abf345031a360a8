import "server-only";
import { type SQL, and, asc, desc, eq, gte, lte, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { type Executor, getDb } from "@/db/client";
import { careEvents, healthHistorySettings, insuredPersons, statementLines } from "@/db/schema";
import type { CareCategory, Payee } from "@/db/schema/reimbursements";
import type { Actor } from "@/lib/access/actor";
import { displayName } from "@/lib/register/person-name";
import { isUuid } from "@/lib/validation";
import { careCategoryLabel, payeeLabel } from "./categories";
import { type StatementCursor, type StatementFilters, encodeStatementCursor } from "./filters";
import { type ReimbursementScope, visibleCareEvents } from "./scope";

export const statementRules = {
  /** Lines on one page of "Remboursements". */
  pageSize: 50,
  /** Lines read at a time while the CSV export streams: the export never holds more. */
  exportBatchSize: 500,
  /** Care events on Accueil (reference §3.2 `MAX_NUMBER_EPISODES`). */
  latestOnHome: 4,
} as const;

/** One care event and its statement line, as the table, the details and the export show them. */
export type StatementLineView = {
  id: string;
  personId: string;
  beneficiaryName: string;
  careDate: string;
  category: CareCategory;
  categoryLabel: string;
  actLabel: string;
  actCode: string;
  /** "Dr …", an establishment, or null when the insurer did not say. */
  providerName: string | null;
  professionalRpps: string | null;
  isMinorSecret: boolean;
  amountPaidCents: number;
  reimbursementBaseCents: number;
  ratePercent: number;
  insurerPaidCents: number;
  complementaryPaidCents: number;
  deductionsCents: number;
  remainingChargeCents: number;
  paymentDate: string;
  payee: Payee;
  payeeLabel: string;
};

const remainingCharge = sql<number>`${statementLines.amountPaidCents} - ${statementLines.insurerPaidCents} - ${statementLines.complementaryPaidCents}`;

const lineColumns = {
  id: careEvents.id,
  personId: careEvents.personId,
  firstNames: insuredPersons.firstNames,
  birthName: insuredPersons.birthName,
  usageName: insuredPersons.usageName,
  careDate: careEvents.careDate,
  category: careEvents.category,
  actLabel: careEvents.actLabel,
  actCode: careEvents.actCode,
  professionalRpps: careEvents.professionalRpps,
  professionalName: careEvents.professionalName,
  establishmentName: careEvents.establishmentName,
  isMinorSecret: careEvents.isMinorSecret,
  amountPaidCents: statementLines.amountPaidCents,
  reimbursementBaseCents: statementLines.reimbursementBaseCents,
  ratePercent: statementLines.ratePercent,
  insurerPaidCents: statementLines.insurerPaidCents,
  complementaryPaidCents: statementLines.complementaryPaidCents,
  deductionsCents: statementLines.deductionsCents,
  paymentDate: statementLines.paymentDate,
  payee: statementLines.payee,
};

/** A selected row's type: a column's data, or null where the column may be null. */
type RowOf<Columns extends Record<string, { _: { data: unknown; notNull: boolean } }>> = {
  [K in keyof Columns]: Columns[K]["_"]["notNull"] extends true ? Columns[K]["_"]["data"] : Columns[K]["_"]["data"] | null;
};

type LineRow = RowOf<typeof lineColumns>;

function providerOf(row: Pick<LineRow, "professionalName" | "establishmentName">): string | null {
  return row.professionalName ?? row.establishmentName ?? null;
}

function toView(row: LineRow): StatementLineView {
  return {
    id: row.id,
    personId: row.personId,
    beneficiaryName: displayName(row),
    careDate: row.careDate,
    category: row.category,
    categoryLabel: careCategoryLabel(row.category),
    actLabel: row.actLabel,
    actCode: row.actCode,
    providerName: providerOf(row),
    professionalRpps: row.professionalRpps,
    isMinorSecret: row.isMinorSecret,
    amountPaidCents: row.amountPaidCents,
    reimbursementBaseCents: row.reimbursementBaseCents,
    ratePercent: row.ratePercent,
    insurerPaidCents: row.insurerPaidCents,
    complementaryPaidCents: row.complementaryPaidCents,
    deductionsCents: row.deductionsCents,
    remainingChargeCents: row.amountPaidCents - row.insurerPaidCents - row.complementaryPaidCents,
    paymentDate: row.paymentDate,
    payee: row.payee,
    payeeLabel: payeeLabel(row.payee),
  };
}

/** The scope's care, narrowed by the filters. */
function filterConditions(scope: ReimbursementScope, filters: StatementFilters): SQL[] {
  const conditions: SQL[] = [visibleCareEvents(scope, filters.beneficiaryId)];
  if (filters.fromDate) conditions.push(gte(careEvents.careDate, filters.fromDate));
  if (filters.untilDate) conditions.push(lte(careEvents.careDate, filters.untilDate));
  if (filters.category) conditions.push(eq(careEvents.category, filters.category));
  return conditions;
}

/** (care_date, id) before or after a key, in the order of the indexes (person, care_date desc, id desc). */
function keyCondition(direction: StatementCursor["direction"], key: { careDate: string; id: string }): SQL {
  const careDate = sql`${key.careDate}::date`;
  const id = sql`${key.id}::uuid`;
  return direction === "older"
    ? sql`(${careEvents.careDate}, ${careEvents.id}) < (${careDate}, ${id})`
    : sql`(${careEvents.careDate}, ${careEvents.id}) > (${careDate}, ${id})`;
}

function selectLines(executor: Executor) {
  return executor
    .select(lineColumns)
    .from(careEvents)
    .innerJoin(statementLines, eq(statementLines.careEventId, careEvents.id))
    .innerJoin(insuredPersons, eq(insuredPersons.id, careEvents.personId));
}

export type StatementPage = { lines: StatementLineView[]; olderCursor: string | null; newerCursor: string | null };

async function readPage(executor: Executor, scope: ReimbursementScope, filters: StatementFilters, cursor: StatementCursor | null): Promise<StatementPage> {
  const size = statementRules.pageSize;
  const conditions = filterConditions(scope, filters);
  if (cursor) conditions.push(keyCondition(cursor.direction, cursor));
  const isNewer = cursor?.direction === "newer";
  // One more than a page tells whether there is a page beyond, without counting.
  const rows = await selectLines(executor)
    .where(and(...conditions))
    .orderBy(...(isNewer ? [asc(careEvents.careDate), asc(careEvents.id)] : [desc(careEvents.careDate), desc(careEvents.id)]))
    .limit(size + 1);
  const hasBeyond = rows.length > size;
  const page = rows.slice(0, size);
  if (isNewer) page.reverse();
  const lines = page.map(toView);
  const first = lines[0];
  const last = lines[lines.length - 1];
  const hasOlder = isNewer ? true : hasBeyond;
  const hasNewer = isNewer ? hasBeyond : cursor !== null;
  return {
    lines,
    olderCursor: hasOlder && last ? encodeStatementCursor(last) : null,
    newerCursor: hasNewer && first ? encodeStatementCursor(first) : null,
  };
}

/**
 * One page of the statement, newest care first, by keyset on (care_date, id): the thousandth page
 * costs what the first does (no OFFSET). A cursor past either end gives the first page.
 */
export async function findStatementPage({
  scope,
  filters,
  cursor,
}: {
  scope: ReimbursementScope;
  filters: StatementFilters;
  cursor: StatementCursor | null;
}): Promise<StatementPage> {
  const db = getDb();
  const page = await readPage(db, scope, filters, cursor);
  if (page.lines.length === 0 && cursor) return readPage(db, scope, filters, null);
  return page;
}

/** Every line of the filtered statement, newest first, batch by batch, for the CSV export. */
export async function* streamStatementLines({ scope, filters }: { scope: ReimbursementScope; filters: StatementFilters }): AsyncGenerator<StatementLineView[]> {
  const executor = getDb();
  let after: { careDate: string; id: string } | null = null;
  for (;;) {
    const conditions = filterConditions(scope, filters);
    if (after) conditions.push(keyCondition("older", after));
    const rows = await selectLines(executor)
      .where(and(...conditions))
      .orderBy(desc(careEvents.careDate), desc(careEvents.id))
      .limit(statementRules.exportBatchSize);
    if (rows.length > 0) yield rows.map(toView);
    const last = rows[rows.length - 1];
    if (!last || rows.length < statementRules.exportBatchSize) return;
    after = { careDate: last.careDate, id: last.id };
  }
}

export type YearTotals = {
  year: number;
  lineCount: number;
  amountPaidCents: number;
  insurerPaidCents: number;
  complementaryPaidCents: number;
  remainingChargeCents: number;
};

const careYear = sql<number>`extract(year from ${careEvents.careDate})::int`.mapWith(Number);
/** Sums of integer cents are exact (bigint in SQL), read back as numbers: far below 2^53. */
const sumOf = (value: SQL | SQL.Aliased | AnyPgColumn) => sql<number>`coalesce(sum(${value}), 0)::bigint`.mapWith(Number);

/** Totals of the filtered statement by year of care, the latest year first. */
export async function findYearTotals({ scope, filters }: { scope: ReimbursementScope; filters: StatementFilters }): Promise<YearTotals[]> {
  return getDb()
    .select({
      year: careYear,
      lineCount: sql<number>`count(*)::int`.mapWith(Number),
      amountPaidCents: sumOf(statementLines.amountPaidCents),
      insurerPaidCents: sumOf(statementLines.insurerPaidCents),
      complementaryPaidCents: sumOf(statementLines.complementaryPaidCents),
      remainingChargeCents: sumOf(remainingCharge),
    })
    .from(careEvents)
    .innerJoin(statementLines, eq(statementLines.careEventId, careEvents.id))
    .where(and(...filterConditions(scope, filters)))
    .groupBy(careYear)
    .orderBy(desc(careYear));
}

export type RemainingChargeCell = { year: number; category: CareCategory; remainingChargeCents: number };

/** The chart's data: remaining charge of the filtered statement by year and category, oldest year first. */
export async function findRemainingChargeByYearAndCategory({
  scope,
  filters,
}: {
  scope: ReimbursementScope;
  filters: StatementFilters;
}): Promise<RemainingChargeCell[]> {
  return getDb()
    .select({ year: careYear, category: careEvents.category, remainingChargeCents: sumOf(remainingCharge) })
    .from(careEvents)
    .innerJoin(statementLines, eq(statementLines.careEventId, careEvents.id))
    .where(and(...filterConditions(scope, filters)))
    .groupBy(careYear, careEvents.category)
    .orderBy(asc(careYear), asc(careEvents.category));
}

/** The years that have care in the scope, latest first: the options of "Année". */
export async function findCareYears(scope: ReimbursementScope): Promise<number[]> {
  const rows = await getDb()
    .selectDistinct({ year: careYear })
    .from(careEvents)
    .where(visibleCareEvents(scope))
    .orderBy(desc(careYear));
  return rows.map((row) => row.year);
}

/** One care event of the timeline ("Mon histoire de santé"): what, when, from whom; no amounts. */
export type CareEventView = {
  id: string;
  careDate: string;
  category: CareCategory;
  categoryLabel: string;
  actLabel: string;
  actCode: string;
  providerName: string | null;
};

const careEventColumns = {
  id: careEvents.id,
  careDate: careEvents.careDate,
  category: careEvents.category,
  actLabel: careEvents.actLabel,
  actCode: careEvents.actCode,
  professionalName: careEvents.professionalName,
  establishmentName: careEvents.establishmentName,
};

function toCareEventView(row: RowOf<typeof careEventColumns>): CareEventView {
  return {
    id: row.id,
    careDate: row.careDate,
    category: row.category,
    categoryLabel: careCategoryLabel(row.category),
    actLabel: row.actLabel,
    actCode: row.actCode,
    providerName: providerOf(row),
  };
}

export type CareEventPage = { events: CareEventView[]; olderCursor: string | null };

/** "Mon histoire de santé": the scope's care events, newest first, by keyset, optionally of one category. */
export async function findCareEventPage({
  scope,
  category,
  cursor,
  limit = statementRules.pageSize,
}: {
  scope: ReimbursementScope;
  category: CareCategory | null;
  cursor: StatementCursor | null;
  limit?: number;
}): Promise<CareEventPage> {
  const conditions = filterConditions(scope, { ...noFilters, category });
  if (cursor) conditions.push(keyCondition("older", cursor));
  const rows = await getDb()
    .select(careEventColumns)
    .from(careEvents)
    .where(and(...conditions))
    .orderBy(desc(careEvents.careDate), desc(careEvents.id))
    .limit(limit + 1);
  const events = rows.slice(0, limit).map(toCareEventView);
  const last = events[events.length - 1];
  return { events, olderCursor: rows.length > limit && last ? encodeStatementCursor(last) : null };
}

const noFilters: StatementFilters = { fromDate: null, untilDate: null, category: null, beneficiaryId: null };

/** Accueil's four latest care events. */
export async function findLatestCareEvents(scope: ReimbursementScope): Promise<CareEventView[]> {
  return (await findCareEventPage({ scope, category: null, cursor: null, limit: statementRules.latestOnHome })).events;
}

/** One line of the subject's own statement (not a child's, not another's), for "Ajouter à mes traitements". */
export async function findSubjectLine(scope: ReimbursementScope, id: string): Promise<StatementLineView | null> {
  if (!isUuid(id)) return null;
  const [row] = await selectLines(getDb())
    .where(and(visibleCareEvents(scope, scope.subjectPersonId), eq(careEvents.id, id)))
    .limit(1);
  return row ? toView(row) : null;
}

/** Whether the subject masked "Mon histoire de santé" from professionals (visible by default). */
export async function isHealthHistoryHidden(executor: Executor, personId: string): Promise<boolean> {
  const [row] = await executor
    .select({ isHidden: healthHistorySettings.isHiddenFromProfessionals })
    .from(healthHistorySettings)
    .where(eq(healthHistorySettings.personId, personId));
  return row?.isHidden ?? false;
}

export function isHealthHistoryHiddenFor(actor: Actor): Promise<boolean> {
  return isHealthHistoryHidden(getDb(), actor.subject.personId);
}
