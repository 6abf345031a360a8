"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/access/current-actor";
import type { FormState } from "@/lib/form-state";
import { addMeasurement } from "@/lib/medical-profile/measures-records";
import { measurementHistoryPath, MEASUREMENT_STATUS_PARAMETER } from "@/lib/medical-profile/measures-paths";
import { submittedForm } from "@/lib/validation";

/** Fields "Ajouter une mesure" sends, returned to refill the form after an error. */
const MEASUREMENT_FIELDS = ["type", "value", "systolic", "diastolic", "date", "time"] as const;

/** "Enregistrer la mesure": stores it and shows the measure's history, or the form's errors. */
export async function addMeasurementAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const actor = await requireActor();
  const values: Record<string, string> = {};
  for (const field of MEASUREMENT_FIELDS) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value;
  }
  const result = await addMeasurement({ actor, values, now: new Date() });
  if (result.status === "invalid") return { status: "error", fieldErrors: result.fieldErrors, values };
  redirect(`${measurementHistoryPath(result.kind)}?${MEASUREMENT_STATUS_PARAMETER}=mesure-ajoutee`);
}
