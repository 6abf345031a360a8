import "server-only";
import { type SQL, and, asc, desc, eq, gte, lt, notInArray, sql } from "drizzle-orm";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";
import { type Executor, getDb } from "@/db/client";
import { type ActivityActorKind, type ActivityBasis, activityEvents } from "@/db/schema/activity";
import {
  ACTIVITY_ACTOR_KIND_LABELS,
  ACTIVITY_BASIS_LABELS,
  ACTIVITY_GROUP_LABELS,
  ACTIONS_HIDDEN_FROM_LEGAL_REPRESENTATIVES,
  activityLabel,
} from "./actions";
import { type ActivityCursor, type ActivityFilters, encodeActivityCursor } from "./filters";

export const activityRules = {
  /** Events on one page of "Historique d'activité" (SPEC §6). */
  pageSize: 100,
  /** Events read at a time while the CSV export streams. */
  exportBatchSize: 500,
} as const;

/** One event as the page and the export show it. */
export type ActivityView = {
  id: string;
  at: Date;
  actorName: string;
  actorKind: ActivityActorKind;
  actorKindLabel: string;
  onBehalfOf: ActivityBasis;
  onBehalfOfLabel: string;
  label: string;
  groupLabel: string;
  isEmergency: boolean;
};

export type ActivityPage = {
  events: ActivityView[];
  /** Cursors of the neighbouring pages, null at either end. */
  olderCursor: string | null;
  newerCursor: string | null;
};

const viewColumns = {
  id: activityEvents.id,
  at: activityEvents.at,
  actorName: activityEvents.actorName,
  actorKind: activityEvents.actorKind,
  onBehalfOf: activityEvents.onBehalfOf,
  action: activityEvents.action,
  group: activityEvents.group,
  isEmergency: activityEvents.isEmergency,
};

type ViewRow = { [K in keyof typeof viewColumns]: (typeof viewColumns)[K]["_"]["data"] };

function toView(row: ViewRow): ActivityView {
  return {
    id: row.id,
    at: row.at,
    actorName: row.actorName,
    actorKind: row.actorKind,
    actorKindLabel: ACTIVITY_ACTOR_KIND_LABELS[row.actorKind],
    onBehalfOf: row.onBehalfOf,
    onBehalfOfLabel: ACTIVITY_BASIS_LABELS[row.onBehalfOf],
    label: activityLabel(row.action),
    groupLabel: ACTIVITY_GROUP_LABELS[row.group],
    isEmergency: row.isEmergency,
  };
}

/** The subject's events only: whoever asks sees the history of the space they opened, nobody else's. */
function filterConditions(actor: Actor, filters: ActivityFilters): SQL[] {
  const conditions: SQL[] = [isOwnedBySubject(actor, activityEvents.subjectPersonId)];
  if (actor.subject.basis === "legal_representative") {
    conditions.push(notInArray(activityEvents.action, [...ACTIONS_HIDDEN_FROM_LEGAL_REPRESENTATIVES]));
  }
  if (filters.from) conditions.push(gte(activityEvents.at, filters.from));
  if (filters.until) conditions.push(lt(activityEvents.at, filters.until));
  if (filters.actorKind) conditions.push(eq(activityEvents.actorKind, filters.actorKind));
  if (filters.group) conditions.push(eq(activityEvents.group, filters.group));
  return conditions;
}

/** (at, id) before or after a key, in the order of the index (subject, at desc, id desc). */
function keyCondition(direction: ActivityCursor["direction"], key: { at: Date; id: string }): SQL {
  const at = sql`${key.at.toISOString()}::timestamptz`;
  const id = sql`${key.id}::uuid`;
  return direction === "older"
    ? sql`(${activityEvents.at}, ${activityEvents.id}) < (${at}, ${id})`
    : sql`(${activityEvents.at}, ${activityEvents.id}) > (${at}, ${id})`;
}

async function readPage(executor: Executor, actor: Actor, filters: ActivityFilters, cursor: ActivityCursor | null): Promise<ActivityPage> {
  const size = activityRules.pageSize;
  const conditions = filterConditions(actor, filters);
  if (cursor) conditions.push(keyCondition(cursor.direction, cursor));
  const isNewer = cursor?.direction === "newer";
  // One more than a page tells whether there is a page beyond, without counting.
  const rows = await executor
    .select(viewColumns)
    .from(activityEvents)
    .where(and(...conditions))
    .orderBy(...(isNewer ? [asc(activityEvents.at), asc(activityEvents.id)] : [desc(activityEvents.at), desc(activityEvents.id)]))
    .limit(size + 1);
  const hasBeyond = rows.length > size;
  const page = rows.slice(0, size);
  if (isNewer) page.reverse();
  const events = page.map(toView);
  const first = events[0];
  const last = events[events.length - 1];
  // Coming from a neighbouring page, that page exists: its first event is the cursor.
  const hasOlder = isNewer ? true : hasBeyond;
  const hasNewer = isNewer ? hasBeyond : cursor !== null;
  return {
    events,
    olderCursor: hasOlder && last ? encodeActivityCursor(last) : null,
    newerCursor: hasNewer && first ? encodeActivityCursor(first) : null,
  };
}

/**
 * One page of the history of the actor's subject, newest first, by keyset on (at, id): the page
 * costs the same at the thousandth page as at the first (no OFFSET). A cursor past either end
 * gives the first page.
 */
export async function findActivityPage({
  actor,
  filters,
  cursor,
}: {
  actor: Actor;
  filters: ActivityFilters;
  cursor: ActivityCursor | null;
}): Promise<ActivityPage> {
  const db = getDb();
  const page = await readPage(db, actor, filters, cursor);
  if (page.events.length === 0 && cursor) return readPage(db, actor, filters, null);
  return page;
}

/** Every event of the filtered list, newest first, read batch by batch for the CSV export. */
export async function* streamActivity({ actor, filters }: { actor: Actor; filters: ActivityFilters }): AsyncGenerator<ActivityView[]> {
  const executor = getDb();
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const conditions = filterConditions(actor, filters);
    if (after) conditions.push(keyCondition("older", after));
    const rows = await executor
      .select(viewColumns)
      .from(activityEvents)
      .where(and(...conditions))
      .orderBy(desc(activityEvents.at), desc(activityEvents.id))
      .limit(activityRules.exportBatchSize);
    if (rows.length > 0) yield rows.map(toView);
    const last = rows[rows.length - 1];
    if (!last || rows.length < activityRules.exportBatchSize) return;
    after = { at: last.at, id: last.id };
  }
}
