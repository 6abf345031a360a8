"use server";

import type { FormState } from "@/lib/form-state";
import { PATIENT_RECOVERY_PAGES, submitPasswordResetStart } from "@/lib/auth/recovery-steps";
import { parseIdentityForm } from "@/lib/register/identity";
import { submittedForm } from "@/lib/validation";

export async function startPasswordResetAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const parsed = parseIdentityForm(submittedForm(submitted));
  const { values } = parsed;
  if (!parsed.success) return { status: "error", fieldErrors: parsed.fieldErrors, values };
  return submitPasswordResetStart(PATIENT_RECOVERY_PAGES, parsed.identity, values);
}
