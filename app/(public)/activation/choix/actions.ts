"use server";

import { deliverAfterResponse } from "@/lib/delivery";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/form-state";
import { readFlowToken } from "@/lib/enrolment/flow-cookie";
import { expiredFlowMessage } from "@/lib/enrolment/messages";
import { opposeSpaceCreation } from "@/lib/enrolment/opposition";
import { decisionSchema } from "@/lib/enrolment/schemas";
import { fieldErrorsOf, submittedForm } from "@/lib/validation";

/** "Continuer" under the two choices. Opposing asks once more (a dialog, or a page without JavaScript). */
export async function chooseDecisionAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const parsed = decisionSchema.safeParse({ decision: formData.get("decision") ?? undefined });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  if (parsed.data.decision === "activate") redirect("/activation/conditions");
  if (formData.get("confirmed") !== "oui") redirect("/activation/opposition/confirmation");
  return confirmOpposition();
}

/** "Continuer" in "Je valide l'opposition à la création de Mon espace santé". */
export async function confirmOppositionAction(): Promise<FormState> {
  return confirmOpposition();
}

async function confirmOpposition(): Promise<FormState> {
  const result = await opposeSpaceCreation(await readFlowToken(), new Date());
  if (result.status === "no-flow") return { status: "error", message: expiredFlowMessage };
  if (result.status === "already-active") {
    return {
      status: "error",
      message: "Votre espace est déjà activé. Pour ne plus l'utiliser, connectez-vous et fermez-le depuis votre compte.",
    };
  }
  deliverAfterResponse();
  redirect("/activation/opposition");
}
