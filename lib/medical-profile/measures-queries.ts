import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { measurements, measurementTargets } from "@/db/schema";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";
import { type MeasurementAuthorKind, measurementPermissions } from "./measures-access";
import { BODY_MASS_INDEX, computeBodyMassIndex, HEIGHT, MEASURE_KINDS, type MeasureKind, WEIGHT } from "./measures";

/** One value of a measure's history, as the pages show it. */
export type MeasurementPoint = {
  /** The row's id; null for a computed value (IMC), which has no row of its own. */
  id: string | null;
  value: number;
  diastolicValue: number | null;
  measuredAt: Date;
  authorKind: MeasurementAuthorKind;
  authorName: string | null;
  mayDelete: boolean;
};

/** The latest value of each kind, in the order of MEASURE_KINDS; null where there is none yet. */
export type MeasurementOverview = { kind: MeasureKind; latest: MeasurementPoint | null }[];

/** A measure's page: its values newest first, and the person's target, in stored units. */
export type MeasurementHistory = { kind: MeasureKind; points: MeasurementPoint[]; target: number | null };

/**
 * The most values one history page reads: several years of daily readings. A person with more
 * sees the newest ones (the real service pages its history by 50).
 */
export const MAX_HISTORY_POINTS = 1000;

type MeasurementRow = typeof measurements.$inferSelect;

function pointOf(row: MeasurementRow): MeasurementPoint {
  return {
    id: row.id,
    value: row.value,
    diastolicValue: row.diastolicValue,
    measuredAt: row.measuredAt,
    authorKind: row.authorKind,
    authorName: row.authorName,
    ...measurementPermissions(row.authorKind),
  };
}

/**
 * IMC at every instant a height or a weight was measured, from the latest height and the latest
 * weight known then; newest first. The first point needs both. Values measured at the same
 * instant (the questionnaire writes both at once) give one point.
 */
export function computeBodyMassIndexSeries(rows: { code: string; value: number; measuredAt: Date }[]): MeasurementPoint[] {
  const ascending = [...rows].sort((a, b) => a.measuredAt.getTime() - b.measuredAt.getTime());
  let height: number | null = null;
  let weight: number | null = null;
  const points: MeasurementPoint[] = [];
  for (const row of ascending) {
    if (row.code === HEIGHT.code) height = row.value;
    else if (row.code === WEIGHT.code) weight = row.value;
    if (height === null || weight === null) continue;
    const point: MeasurementPoint = {
      id: null,
      value: computeBodyMassIndex(weight, height),
      diastolicValue: null,
      measuredAt: row.measuredAt,
      authorKind: "patient",
      authorName: null,
      mayDelete: false,
    };
    if (points.at(-1)?.measuredAt.getTime() === row.measuredAt.getTime()) points[points.length - 1] = point;
    else points.push(point);
  }
  return points.reverse();
}

/** The rows of `codes` for the subject, in the kinds' stored units (a row in another unit would be shown wrongly). */
async function findRows(actor: Actor, kinds: MeasureKind[], { newestFirst, limit }: { newestFirst: boolean; limit?: number }) {
  const rows = await getDb()
    .select()
    .from(measurements)
    .where(and(isOwnedBySubject(actor, measurements.personId), inArray(measurements.code, kinds.map((kind) => kind.code))))
    .orderBy(...(newestFirst ? [desc(measurements.measuredAt), desc(measurements.createdAt)] : [asc(measurements.measuredAt), asc(measurements.createdAt)]))
    .limit(limit ?? MAX_HISTORY_POINTS * kinds.length);
  return rows.filter((row) => kinds.some((kind) => kind.code === row.code && kind.storedUnit === row.unit));
}

/** "Mesures": every kind with its latest value (IMC from the latest height and weight). */
export async function findMeasurementOverview({ actor }: { actor: Actor }): Promise<MeasurementOverview> {
  const stored = MEASURE_KINDS.filter((kind) => !kind.isComputed);
  // The newest row of each code, in one query (DISTINCT ON: PostgreSQL and PGlite alike).
  const latestRows = await getDb()
    .selectDistinctOn([measurements.code])
    .from(measurements)
    .where(and(isOwnedBySubject(actor, measurements.personId), inArray(measurements.code, stored.map((kind) => kind.code))))
    .orderBy(measurements.code, desc(measurements.measuredAt), desc(measurements.createdAt));
  const latestByCode = new Map(
    latestRows.filter((row) => stored.some((kind) => kind.code === row.code && kind.storedUnit === row.unit)).map((row) => [row.code, row]),
  );
  const height = latestByCode.get(HEIGHT.code);
  const weight = latestByCode.get(WEIGHT.code);
  return MEASURE_KINDS.map((kind) => {
    if (kind.code === BODY_MASS_INDEX.code) {
      if (!height || !weight) return { kind, latest: null };
      const measuredAt = height.measuredAt > weight.measuredAt ? height.measuredAt : weight.measuredAt;
      return {
        kind,
        latest: {
          id: null,
          value: computeBodyMassIndex(weight.value, height.value),
          diastolicValue: null,
          measuredAt,
          authorKind: "patient",
          authorName: null,
          mayDelete: false,
        },
      };
    }
    const row = latestByCode.get(kind.code);
    return { kind, latest: row ? pointOf(row) : null };
  });
}

/** One measure's history, newest first, with the subject's target for it. */
export async function findMeasurementHistory({ actor, kind }: { actor: Actor; kind: MeasureKind }): Promise<MeasurementHistory> {
  const [points, [target]] = await Promise.all([
    kind.isComputed
      ? findRows(actor, [HEIGHT, WEIGHT], { newestFirst: true }).then((rows) => computeBodyMassIndexSeries(rows).slice(0, MAX_HISTORY_POINTS))
      : findRows(actor, [kind], { newestFirst: true, limit: MAX_HISTORY_POINTS }).then((rows) => rows.map(pointOf)),
    getDb()
      .select({ value: measurementTargets.value, unit: measurementTargets.unit })
      .from(measurementTargets)
      .where(and(isOwnedBySubject(actor, measurementTargets.personId), eq(measurementTargets.code, kind.code)))
      .limit(1),
  ]);
  return { kind, points, target: target && target.unit === kind.storedUnit ? target.value : null };
}
