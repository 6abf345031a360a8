"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/access/current-actor";
import { MINOR_REFUSAL, saveOnlineDirectives } from "@/lib/advance-directives/records";
import type { FormState } from "@/lib/form-state";
import { formFields, submittedForm } from "@/lib/validation";

/** "Enregistrer mes directives anticipées": lib/advance-directives validates, draws the PDF and replaces the previous version. */
export async function saveDirectivesAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const values = formFields(submittedForm(submitted));
  const actor = await requireActor();
  const result = await saveOnlineDirectives({ actor, values, now: new Date() });
  if (result.status === "minor") return { status: "error", message: MINOR_REFUSAL };
  const refill = Object.fromEntries(Object.entries(values).flatMap(([name, value]) => (typeof value === "string" ? [[name, value]] : [])));
  if (result.status === "invalid") return { status: "error", fieldErrors: result.fieldErrors, values: refill };
  redirect(`/documents/${result.documentId}`);
}
