"use server";

import type { AuthFormState } from "@/lib/form-state";
import { PATIENT_RECOVERY_PAGES, submitResetCode, submitResetCodeRequest } from "@/lib/auth/recovery-steps";

export async function sendResetCodeAction(_previous: AuthFormState, submitted: unknown): Promise<AuthFormState> {
  return submitResetCodeRequest(PATIENT_RECOVERY_PAGES, submitted);
}

export async function verifyResetCodeAction(_previous: AuthFormState, submitted: unknown): Promise<AuthFormState> {
  return submitResetCode(PATIENT_RECOVERY_PAGES, submitted);
}
