import "server-only";
import type { Executor } from "@/db/client";
import { measurements, profileItems } from "@/db/schema";
import type { Actor } from "@/lib/access/actor";
import type { MeasureKind } from "./measures";
import type { ProfileSection } from "./sections";

/** Stores one measurement of the subject, in the kind's stored unit (height in cm). */
export async function recordMeasurement(
  executor: Executor,
  { actor, kind, value, measuredAt }: { actor: Actor; kind: MeasureKind; value: number; measuredAt: Date },
): Promise<void> {
  await executor.insert(measurements).values({
    personId: actor.subject.personId,
    code: kind.code,
    value,
    unit: kind.storedUnit,
    measuredAt,
    createdAt: measuredAt,
    updatedAt: measuredAt,
  });
}

/** Adds items to a section of the subject's profile, one row per label, in the given order. */
export async function addProfileItems(
  executor: Executor,
  { actor, section, labels, now }: { actor: Actor; section: ProfileSection; labels: string[]; now: Date },
): Promise<void> {
  const personId = actor.subject.personId;
  if (labels.length === 0) return;
  // Distinct instants keep the person's order when the section is read back by creation date.
  await executor.insert(profileItems).values(
    labels.map((label, index) => {
      const createdAt = new Date(now.getTime() + index);
      return { personId, section, label, createdAt, updatedAt: createdAt };
    }),
  );
}
