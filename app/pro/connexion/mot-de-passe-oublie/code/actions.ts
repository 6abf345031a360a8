"use server";

import type { AuthFormState } from "@/lib/form-state";
import { PROFESSIONAL_RECOVERY_PAGES, submitResetCode, submitResetCodeRequest } from "@/lib/auth/recovery-steps";

export async function proSendResetCodeAction(_previous: AuthFormState, submitted: unknown): Promise<AuthFormState> {
  return submitResetCodeRequest(PROFESSIONAL_RECOVERY_PAGES, submitted);
}

export async function proVerifyResetCodeAction(_previous: AuthFormState, submitted: unknown): Promise<AuthFormState> {
  return submitResetCode(PROFESSIONAL_RECOVERY_PAGES, submitted);
}
