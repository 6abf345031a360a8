"use server";

import { redirect } from "next/navigation";
import { deliverAfterResponse } from "@/lib/delivery";
import type { AuthFormState } from "@/lib/form-state";
import { writeChallengeToken } from "@/lib/auth/challenge-cookie";
import { checkLoginPassword } from "@/lib/auth/login";
import { invalidCredentialsMessage, tooManyAttemptsMessage } from "@/lib/auth/messages";
import { loginPasswordSchema } from "@/lib/auth/schemas";
import { getClientAddress } from "@/lib/http/client-address";
import { fieldErrorsOf, submittedForm } from "@/lib/validation";

/** "Se connecter" on /pro: a professional account's identifier and password, with the patients' rules. */
export async function proLoginPasswordAction(_previous: AuthFormState, submitted: unknown): Promise<AuthFormState> {
  const formData = submittedForm(submitted);
  const identifier = String(formData.get("identifier") ?? "").trim();
  const values = { identifier };
  const parsed = loginPasswordSchema.safeParse({ identifier, password: formData.get("password") ?? "" });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };

  const result = await checkLoginPassword(parsed.data, { clientAddress: await getClientAddress(), now: new Date() }, { kind: "professional" });
  switch (result.status) {
    case "rate-limited":
      return { status: "error", message: tooManyAttemptsMessage(result.retryAfterSeconds), values };
    case "invalid-credentials":
      return { status: "error", message: invalidCredentialsMessage(result.failuresLeftBeforeLock), values };
    case "locked":
      deliverAfterResponse();
      return { status: "error", lockedUntil: result.lockedUntil.toISOString(), values };
    case "password-verified":
      await writeChallengeToken("login", result.challengeToken);
      redirect("/pro/connexion/code");
  }
}
