import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { measurements, measurementTargets } from "@/db/schema";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";
import { activityOf, recordActivity } from "@/lib/activity/record";
import type { FieldErrors } from "@/lib/form-state";
import { isUuid } from "@/lib/validation";
import { measurementPermissions } from "./measures-access";
import { parseMeasurementInput, parseTargetInput } from "./measures-input";
import { findMeasureKind, type MeasureKind } from "./measures";
import { recordMeasurement } from "./records";

/**
 * The writes of "Mesures": add, delete one's own, set or remove a personal target. Each checks
 * its input, reaches only the subject's rows (anything else is "not found") and records its event
 * in the activity history in the same transaction.
 */

export type AddMeasurementResult =
  | { status: "added"; kind: MeasureKind; measurementId: string }
  | { status: "invalid"; fieldErrors: FieldErrors };

/** "Enregistrer la mesure": checks what was typed and stores it, added by the patient. */
export async function addMeasurement({
  actor,
  values,
  now,
}: {
  actor: Actor;
  values: Record<string, unknown>;
  now: Date;
}): Promise<AddMeasurementResult> {
  const parsed = parseMeasurementInput(values, now);
  if (!parsed.success) return { status: "invalid", fieldErrors: parsed.fieldErrors };
  const { kind, value, diastolicValue, measuredAt } = parsed.data;
  const measurementId = await getDb().transaction((tx) => recordMeasurement(tx, { actor, kind, value, diastolicValue, measuredAt, now }));
  return { status: "added", kind, measurementId };
}

export type DeleteMeasurementResult =
  | { status: "deleted"; kind: MeasureKind | null }
  /** Not the subject's, or no such measurement: the same answer. */
  | { status: "not-found" }
  /** The subject's, added by a professional or a service: it stays. */
  | { status: "not-permitted"; kind: MeasureKind | null };

/** Deletes one of the subject's measurements, if the patient may (measurementPermissions). */
export async function deleteMeasurement({
  actor,
  measurementId,
  now,
}: {
  actor: Actor;
  measurementId: string;
  now: Date;
}): Promise<DeleteMeasurementResult> {
  if (!isUuid(measurementId)) return { status: "not-found" };
  return getDb().transaction(async (tx): Promise<DeleteMeasurementResult> => {
    const [row] = await tx
      .select({ id: measurements.id, code: measurements.code, authorKind: measurements.authorKind })
      .from(measurements)
      .where(and(isOwnedBySubject(actor, measurements.personId), eq(measurements.id, measurementId)))
      .for("update")
      .limit(1);
    if (!row) return { status: "not-found" };
    const kind = findMeasureKind(row.code);
    if (!measurementPermissions(row.authorKind).mayDelete) return { status: "not-permitted", kind };
    await tx.delete(measurements).where(and(isOwnedBySubject(actor, measurements.personId), eq(measurements.id, row.id)));
    await recordActivity(tx, {
      ...activityOf(actor),
      action: "medical-profile.measurement-deleted",
      target: { type: "measurement", id: row.id },
      at: now,
    });
    return { status: "deleted", kind };
  });
}

export type SetTargetResult = { status: "saved"; value: number } | { status: "invalid"; fieldErrors: FieldErrors };

/** "Enregistrer l'objectif": the subject's target for `kind`, replacing the one before. */
export async function setMeasurementTarget({
  actor,
  kind,
  values,
  now,
}: {
  actor: Actor;
  kind: MeasureKind;
  values: Record<string, unknown>;
  now: Date;
}): Promise<SetTargetResult> {
  const parsed = parseTargetInput(kind, values);
  if (!parsed.success) return { status: "invalid", fieldErrors: parsed.fieldErrors };
  const value = parsed.data;
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(measurementTargets)
      .values({ personId: actor.subject.personId, code: kind.code, value, unit: kind.storedUnit, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [measurementTargets.personId, measurementTargets.code],
        set: { value, unit: kind.storedUnit, updatedAt: now },
      })
      .returning({ id: measurementTargets.id });
    if (!row) throw new Error("target not stored");
    await recordActivity(tx, {
      ...activityOf(actor),
      action: "medical-profile.measurement-target-set",
      target: { type: "measurement_target", id: row.id },
      at: now,
    });
  });
  return { status: "saved", value };
}

/** "Supprimer l'objectif": removes the subject's target for `kind`; "absent" when there was none. */
export async function removeMeasurementTarget({
  actor,
  kind,
  now,
}: {
  actor: Actor;
  kind: MeasureKind;
  now: Date;
}): Promise<{ status: "removed" | "absent" }> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .delete(measurementTargets)
      .where(and(isOwnedBySubject(actor, measurementTargets.personId), eq(measurementTargets.code, kind.code)))
      .returning({ id: measurementTargets.id });
    if (!row) return { status: "absent" as const };
    await recordActivity(tx, {
      ...activityOf(actor),
      action: "medical-profile.measurement-target-removed",
      target: { type: "measurement_target", id: row.id },
      at: now,
    });
    return { status: "removed" as const };
  });
}
