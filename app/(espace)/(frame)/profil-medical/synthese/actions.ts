"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/access/current-actor";
import type { FormState } from "@/lib/form-state";
import { saveMedicalSynthesis } from "@/lib/medical-profile/synthesis";
import { SYNTHESIS_FIELDS } from "@/lib/medical-profile/synthesis-form";
import { submittedForm } from "@/lib/validation";

/** "Enregistrer dans mes documents": lib/medical-profile/synthesis.ts validates the choice and stores the PDF. */
export async function saveSynthesisAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const actor = await requireActor();
  const sections = formData.getAll(SYNTHESIS_FIELDS.sections);
  const result = await saveMedicalSynthesis({ actor, sections, visibility: formData.get(SYNTHESIS_FIELDS.visibility), now: new Date() });
  if (result.status === "invalid") {
    return {
      status: "error",
      fieldErrors: result.fieldErrors,
      values: { [SYNTHESIS_FIELDS.sections]: sections.filter((value) => typeof value === "string").join("\n") },
    };
  }
  redirect(`/documents/${result.documentId}`);
}
