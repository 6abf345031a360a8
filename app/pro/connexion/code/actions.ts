"use server";

import type { AuthFormState } from "@/lib/form-state";
import { PROFESSIONAL_LOGIN, submitLoginCode, submitLoginCodeRequest } from "@/lib/auth/login-steps";

/** "Recevoir mon code", "Renvoyer un code" on /pro: the same sending rules as the patients'. */
export async function proSendLoginCodeAction(_previous: AuthFormState, submitted: unknown): Promise<AuthFormState> {
  return submitLoginCodeRequest(PROFESSIONAL_LOGIN, submitted);
}

/** "Valider" on /pro: the code opens a professional session only, then the /pro home. */
export async function proVerifyLoginCodeAction(_previous: AuthFormState, submitted: unknown): Promise<AuthFormState> {
  return submitLoginCode(PROFESSIONAL_LOGIN, submitted);
}
