import "server-only";
import { asc, desc } from "drizzle-orm";
import { getDb } from "@/db/client";
import { measurements, profileItems } from "@/db/schema";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";
import { findMeasureKind, MEASURE_KINDS, type MeasureKind } from "./measures";
import { PROFILE_SECTIONS, type ProfileSection } from "./sections";

export type MeasurementEntry = {
  id: string;
  value: number;
  /** Blood pressure's diastolic, beside the systolic in `value`. */
  diastolicValue: number | null;
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

/** The subject's medical profile, everything included (hidden items are the subject's too). */
export async function findMedicalProfile({ actor }: { actor: Actor }): Promise<MedicalProfile> {
  const db = getDb();
  const [measurementRows, itemRows] = await Promise.all([
    db
      .select()
      .from(measurements)
      .where(isOwnedBySubject(actor, measurements.personId))
      .orderBy(desc(measurements.measuredAt), desc(measurements.createdAt)),
    db
      .select()
      .from(profileItems)
      .where(isOwnedBySubject(actor, profileItems.personId))
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
      diastolicValue: row.diastolicValue,
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
