"use server";

import type { AuthFormState } from "@/lib/form-state";
import { PATIENT_LOGIN, submitLoginCode, submitLoginCodeRequest } from "@/lib/auth/login-steps";

/** "Recevoir mon code", "Renvoyer un code": a one-time code to the chosen contact on file. */
export async function sendLoginCodeAction(_previous: AuthFormState, submitted: unknown): Promise<AuthFormState> {
  return submitLoginCodeRequest(PATIENT_LOGIN, submitted);
}

/** "Valider": Auth.js' credentials provider checks the code and opens the session. */
export async function verifyLoginCodeAction(_previous: AuthFormState, submitted: unknown): Promise<AuthFormState> {
  return submitLoginCode(PATIENT_LOGIN, submitted);
}
