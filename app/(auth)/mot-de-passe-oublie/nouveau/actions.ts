"use server";

import type { FormState } from "@/lib/form-state";
import { PATIENT_RECOVERY_PAGES, submitNewPassword } from "@/lib/auth/recovery-steps";

export async function newPasswordAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  return submitNewPassword(PATIENT_RECOVERY_PAGES, submitted);
}
