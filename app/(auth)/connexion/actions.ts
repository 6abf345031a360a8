"use server";

import { deliverAfterResponse } from "@/lib/delivery";
import { redirect } from "next/navigation";
import type { AuthFormState } from "@/lib/form-state";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { writeChallengeToken } from "@/lib/auth/challenge-cookie";
import { checkLoginPassword } from "@/lib/auth/login";
import { invalidCredentialsMessage, tooManyAttemptsMessage } from "@/lib/auth/messages";
import { loginPasswordSchema } from "@/lib/auth/schemas";
import { getClientAddress } from "@/lib/http/client-address";
import { fieldErrorsOf, submittedForm } from "@/lib/validation";

/** "Se connecter": checks the identifier and password; the one-time code step comes next. */
export async function loginPasswordAction(_previous: AuthFormState, submitted: unknown): Promise<AuthFormState> {
  const formData = submittedForm(submitted);
  const identifier = String(formData.get("identifier") ?? "").trim();
  const values = { identifier };
  const parsed = loginPasswordSchema.safeParse({ identifier, password: formData.get("password") ?? "" });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };

  const result = await checkLoginPassword(parsed.data, { clientAddress: await getClientAddress(), now: new Date() });
  switch (result.status) {
    case "rate-limited":
      return { status: "error", message: tooManyAttemptsMessage(result.retryAfterSeconds), values };
    case "invalid-credentials":
      return { status: "error", message: invalidCredentialsMessage(result.failuresLeftBeforeLock), values };
    case "locked":
      // The owner learns of the lock by e-mail or SMS as well: send it once this answer is out.
      deliverAfterResponse();
      return { status: "error", lockedUntil: result.lockedUntil.toISOString(), values };
    case "password-verified":
      await writeChallengeToken("login", result.challengeToken);
      redirect(`/connexion/code?callbackUrl=${encodeURIComponent(safeCallbackPath(formData.get("callbackUrl")))}`);
  }
}
