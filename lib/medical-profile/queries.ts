import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { measurements, profileItems } from "@/db/schema";
import { findMeasureKind, MEASURE_KINDS, type MeasureKind } from "./measures";
import { PROFILE_SECTIONS, type ProfileSection } from "./sections";

export type MeasurementEntry = {
  id: string;
  value: number;
  measuredAt: Date;
  isHiddenFromProfessionals: boolean;
};

/** One kind of measurement with its history, newest first. */
export type MeasurementSeries = { kind: MeasureKind; entries: MeasurementEntry[] };

export type ProfileItem = {
  id: string;
  label: string;
  details: string | null;
  isHiddenFromProfessionals: boolean;
  createdAt: Date;
};

export type MedicalProfile = {
  /** Only kinds with at least one measurement, in the order of MEASURE_KINDS. */
  measurements: MeasurementSeries[];
  items: Record<ProfileSection, ProfileItem[]>;
};

/** The person's own medical profile, everything included (hidden items are the person's too). */
export async function findMedicalProfile(personId: string, executor: Executor = getDb()): Promise<MedicalProfile> {
  const [measurementRows, itemRows] = await Promise.all([
    executor
      .select()
      .from(measurements)
      .where(eq(measurements.personId, personId))
      .orderBy(desc(measurements.measuredAt), desc(measurements.createdAt)),
    executor
      .select()
      .from(profileItems)
      .where(eq(profileItems.personId, personId))
      .orderBy(asc(profileItems.createdAt), asc(profileItems.id)),
  ]);

  const seriesByCode = new Map<string, MeasurementSeries>();
  for (const row of measurementRows) {
    const kind = findMeasureKind(row.code);
    // A value stored in another unit than the kind's would be shown wrongly: leave it out.
    if (!kind || kind.storedUnit !== row.unit) continue;
    const series = seriesByCode.get(kind.code) ?? { kind, entries: [] };
    series.entries.push({
      id: row.id,
      value: row.value,
      measuredAt: row.measuredAt,
      isHiddenFromProfessionals: row.isHiddenFromProfessionals,
    });
    seriesByCode.set(kind.code, series);
  }

  const items = Object.fromEntries(PROFILE_SECTIONS.map(({ section }) => [section, [] as ProfileItem[]])) as Record<
    ProfileSection,
    ProfileItem[]
  >;
  for (const row of itemRows) {
    items[row.section].push({
      id: row.id,
      label: row.label,
      details: row.details,
      isHiddenFromProfessionals: row.isHiddenFromProfessionals,
      createdAt: row.createdAt,
    });
  }

  return {
    measurements: MEASURE_KINDS.flatMap((kind) => seriesByCode.get(kind.code) ?? []),
    items,
  };
}
