"use server";

import { notFound, redirect } from "next/navigation";
import { requireActor } from "@/lib/access/current-actor";
import type { FormState } from "@/lib/form-state";
import { findMeasureKindBySlug, type MeasureKind } from "@/lib/medical-profile/measures";
import { measurementHistoryPath, MEASUREMENT_STATUS_PARAMETER, type MeasurementStatus } from "@/lib/medical-profile/measures-paths";
import { deleteMeasurement, removeMeasurementTarget, setMeasurementTarget } from "@/lib/medical-profile/measures-records";
import { submittedForm } from "@/lib/validation";

function textOf(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** The measure a form of its page names (hidden field "type"); an unknown one is "not found". */
function kindOf(formData: FormData): MeasureKind {
  const kind = findMeasureKindBySlug(textOf(formData, "type"));
  if (!kind) notFound();
  return kind;
}

function backTo(kind: MeasureKind, status: MeasurementStatus): never {
  redirect(`${measurementHistoryPath(kind)}?${MEASUREMENT_STATUS_PARAMETER}=${status}`);
}

/**
 * "Supprimer" on a row of the history. Another person's measurement, or one the patient may not
 * delete (added by a professional or a service: no button is shown for it), is "not found".
 */
export async function deleteMeasurementAction(submitted: unknown): Promise<void> {
  const formData = submittedForm(submitted);
  const actor = await requireActor();
  const result = await deleteMeasurement({ actor, measurementId: textOf(formData, "measurementId"), now: new Date() });
  if (result.status !== "deleted" || !result.kind) notFound();
  backTo(result.kind, "mesure-supprimee");
}

/** "Enregistrer l'objectif": sets or changes the personal target of the page's measure. */
export async function setMeasurementTargetAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const actor = await requireActor();
  const kind = kindOf(formData);
  const target = textOf(formData, "target");
  const result = await setMeasurementTarget({ actor, kind, values: { target }, now: new Date() });
  if (result.status === "invalid") return { status: "error", fieldErrors: result.fieldErrors, values: { target } };
  backTo(kind, "objectif-enregistre");
}

/** "Supprimer l'objectif". */
export async function removeMeasurementTargetAction(submitted: unknown): Promise<void> {
  const formData = submittedForm(submitted);
  const actor = await requireActor();
  const kind = kindOf(formData);
  await removeMeasurementTarget({ actor, kind, now: new Date() });
  backTo(kind, "objectif-supprime");
}
