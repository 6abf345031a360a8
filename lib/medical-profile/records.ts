import "server-only";
import type { Executor } from "@/db/client";
import { measurements, profileItems } from "@/db/schema";
import type { Actor } from "@/lib/access/actor";
import { activityOf, recordActivity } from "@/lib/activity/record";
import { clearNotConcerned } from "./entry-records";
import type { MeasureKind } from "./measures";
import type { ProfileSection } from "./sections";

/**
 * Stores one measurement of the subject, in the kind's stored unit (height in cm; blood pressure's
 * diastolic beside its systolic), added by the patient, with its event
 * in the subject's history, in the caller's transaction.
 */
export async function recordMeasurement(
  executor: Executor,
  {
    actor,
    kind,
    value,
    diastolicValue = null,
    measuredAt,
    now,
  }: { actor: Actor; kind: MeasureKind; value: number; diastolicValue?: number | null; measuredAt: Date; now: Date },
): Promise<string> {
  const [row] = await executor
    .insert(measurements)
    .values({ personId: actor.subject.personId, code: kind.code, value, diastolicValue, unit: kind.storedUnit, measuredAt, createdAt: now, updatedAt: now })
    .returning({ id: measurements.id });
  if (!row) throw new Error("measurement not stored");
  await recordActivity(executor, {
    ...activityOf(actor),
    action: "medical-profile.measurement-added",
    target: { type: "measurement", id: row.id },
    at: now,
  });
  return row.id;
}

/** Adds items to a section of the subject's profile, one row per label, in the given order, each with its event. */
export async function addProfileItems(
  executor: Executor,
  { actor, section, labels, now }: { actor: Actor; section: ProfileSection; labels: string[]; now: Date },
): Promise<void> {
  const personId = actor.subject.personId;
  if (labels.length === 0) return;
  // Distinct instants keep the person's order when the section is read back by creation date.
  const rows = await executor
    .insert(profileItems)
    .values(
      labels.map((label, index) => {
        const createdAt = new Date(now.getTime() + index);
        return { personId, section, label, createdAt, updatedAt: createdAt };
      }),
    )
    .returning({ id: profileItems.id });
  await clearNotConcerned(executor, actor, section);
  for (const row of rows) {
    await recordActivity(executor, {
      ...activityOf(actor),
      action: "medical-profile.item-added",
      target: { type: "profile_item", id: row.id },
      at: now,
    });
  }
}

/**
 * A vaccination the preventive calendar marked done, added to "Vaccinations" at the person's
 * request (« Ajouter ce vaccin »), dated when they said, with its event, in the caller's transaction.
 */
export async function addVaccinationEntry(
  executor: Executor,
  { actor, label, doneOn, now }: { actor: Actor; label: string; doneOn: string | null; now: Date },
): Promise<string> {
  const [year, month, day] = doneOn ? doneOn.split("-").map(Number) : [null, null, null];
  const [row] = await executor
    .insert(profileItems)
    .values({
      personId: actor.subject.personId,
      section: "vaccination",
      label,
      startYear: year ?? null,
      startMonth: month ?? null,
      startDay: day ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: profileItems.id });
  if (!row) throw new Error("vaccination not stored");
  await clearNotConcerned(executor, actor, "vaccination");
  await recordActivity(executor, { ...activityOf(actor), action: "medical-profile.item-added", target: { type: "profile_item", id: row.id }, at: now });
  return row.id;
}
