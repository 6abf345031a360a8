"use server";

import { deliverAfterResponse } from "@/lib/delivery";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/form-state";
import { createAccount } from "@/lib/enrolment/activation";
import { readFlowToken } from "@/lib/enrolment/flow-cookie";
import { expiredFlowMessage } from "@/lib/enrolment/messages";
import { credentialsSchema } from "@/lib/enrolment/schemas";
import { fieldErrorsOf, submittedForm } from "@/lib/validation";

/** Returns the identifier and the suggestions to refill the form, never the passwords. */
export async function createAccountAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const parsed = credentialsSchema.safeParse({
    identifier: formData.get("identifier") ?? "",
    password: formData.get("password") ?? "",
    passwordConfirmation: formData.get("passwordConfirmation") ?? "",
  });
  const identifier = String(formData.get("identifier") ?? "").trim();
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values: { identifier } };

  const result = await createAccount(await readFlowToken(), parsed.data, new Date());
  if (result.status === "no-flow") return { status: "error", message: expiredFlowMessage, values: { identifier } };
  if (result.status === "already-active") redirect("/activation/choix");
  if (result.status === "invalid") {
    return {
      status: "error",
      fieldErrors: result.fieldErrors,
      values: { identifier, suggestions: result.suggestions.join(" ") },
    };
  }
  deliverAfterResponse();
  redirect("/activation/terminee");
}
