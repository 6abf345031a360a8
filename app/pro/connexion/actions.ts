"use server";

import type { AuthFormState } from "@/lib/form-state";
import { PROFESSIONAL_LOGIN, submitLoginPassword } from "@/lib/auth/login-steps";

/** "Se connecter" on /pro: a professional account's identifier and password, with the patients' rules. */
export async function proLoginPasswordAction(_previous: AuthFormState, submitted: unknown): Promise<AuthFormState> {
  return submitLoginPassword(PROFESSIONAL_LOGIN, submitted);
}
