"use server";

import type { FormState } from "@/lib/form-state";
import { PROFESSIONAL_RECOVERY_PAGES, submitPasswordResetStart } from "@/lib/auth/recovery-steps";
import { professionalPasswordResetSchema } from "@/lib/auth/schemas";
import { fieldErrorsOf, submittedForm } from "@/lib/validation";

/** /pro « Mot de passe oublié ? »: the identifier and RPPS of one professional account open a reset. */
export async function proStartPasswordResetAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const values = { identifier: String(formData.get("identifier") ?? "").trim(), rpps: String(formData.get("rpps") ?? "") };
  const parsed = professionalPasswordResetSchema.safeParse(values);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  return submitPasswordResetStart(PROFESSIONAL_RECOVERY_PAGES, parsed.data, values);
}
