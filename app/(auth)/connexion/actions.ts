"use server";

import type { AuthFormState } from "@/lib/form-state";
import { PATIENT_LOGIN, submitLoginPassword } from "@/lib/auth/login-steps";

/** "Se connecter": checks the identifier and password; the one-time code step comes next. */
export async function loginPasswordAction(_previous: AuthFormState, submitted: unknown): Promise<AuthFormState> {
  return submitLoginPassword(PATIENT_LOGIN, submitted);
}
