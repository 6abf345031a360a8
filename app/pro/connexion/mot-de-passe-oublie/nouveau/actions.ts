"use server";

import type { FormState } from "@/lib/form-state";
import { PROFESSIONAL_RECOVERY_PAGES, submitNewPassword } from "@/lib/auth/recovery-steps";

export async function proNewPasswordAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  return submitNewPassword(PROFESSIONAL_RECOVERY_PAGES, submitted);
}
