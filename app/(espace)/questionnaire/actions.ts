"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/lib/form-state";
import { requireActor } from "@/lib/access/current-actor";
import { answerQuestion, type QuestionnaireMove, skipQuestion } from "@/lib/onboarding/questionnaire";
import { submittedForm } from "@/lib/validation";

/** Fields a question form may send back to refill itself after an error. */
const ANSWER_FIELDS = ["height", "weight", "answer", "details"] as const;

function goOn(result: QuestionnaireMove): never {
  redirect(result.state.isCompleted ? "/questionnaire/merci" : "/questionnaire");
}

/** "Continuer": writes the answer to the medical profile and shows the next question. */
export async function answerQuestionAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const actor = await requireActor();
  const values: Record<string, string> = {};
  for (const field of ANSWER_FIELDS) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value;
  }
  const result = await answerQuestion({ actor, step: Number(formData.get("step")), values, now: new Date() });
  if (result.status === "invalid") return { status: "error", fieldErrors: result.fieldErrors, values };
  goOn(result);
}

/** "Passer": moves on without writing anything. */
export async function skipQuestionAction(submitted: unknown): Promise<void> {
  const formData = submittedForm(submitted);
  const actor = await requireActor();
  goOn(await skipQuestion({ actor, step: Number(formData.get("step")), now: new Date() }));
}
