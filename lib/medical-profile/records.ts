import "server-only";
import type { Executor } from "@/db/client";
import { measurements, profileItems } from "@/db/schema";
import type { MeasureKind } from "./measures";
import type { ProfileSection } from "./sections";

/** Stores one measurement in the kind's stored unit (height in cm). */
export async function recordMeasurement(
  executor: Executor,
  { personId, kind, value, measuredAt }: { personId: string; kind: MeasureKind; value: number; measuredAt: Date },
): Promise<void> {
  await executor.insert(measurements).values({
    personId,
    code: kind.code,
    value,
    unit: kind.storedUnit,
    measuredAt,
    createdAt: measuredAt,
    updatedAt: measuredAt,
  });
}

/** Adds items to a section of the person's profile, one row per label, in the given order. */
export async function addProfileItems(
  executor: Executor,
  { personId, section, labels, now }: { personId: string; section: ProfileSection; labels: string[]; now: Date },
): Promise<void> {
  if (labels.length === 0) return;
  // Distinct instants keep the person's order when the section is read back by creation date.
  await executor.insert(profileItems).values(
    labels.map((label, index) => {
      const createdAt = new Date(now.getTime() + index);
      return { personId, section, label, createdAt, updatedAt: createdAt };
    }),
  );
}
