"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/lib/form-state";
import { acceptTerms } from "@/lib/enrolment/activation";
import { readFlowToken } from "@/lib/enrolment/flow-cookie";
import { expiredFlowMessage } from "@/lib/enrolment/messages";
import { termsSchema } from "@/lib/enrolment/schemas";
import { fieldErrorsOf, submittedForm } from "@/lib/validation";

export async function acceptTermsAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const parsed = termsSchema.safeParse({ accepted: formData.get("accepted") ?? undefined });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await acceptTerms(await readFlowToken(), new Date());
  if (result.status === "no-flow") return { status: "error", message: expiredFlowMessage };
  if (result.status === "already-active") redirect("/activation/choix");
  redirect("/activation/coordonnees");
}
