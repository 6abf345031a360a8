"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/lib/form-state";
import { writeChallengeToken } from "@/lib/auth/challenge-cookie";
import { tooManyAttemptsMessage } from "@/lib/auth/messages";
import { startPasswordReset } from "@/lib/auth/recovery";
import { identityNotMatchedMessage, parseIdentityForm } from "@/lib/register/identity";
import { getClientAddress } from "@/lib/http/client-address";
import { submittedForm } from "@/lib/validation";

export async function startPasswordResetAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const parsed = parseIdentityForm(formData);
  const { values } = parsed;
  if (!parsed.success) return { status: "error", fieldErrors: parsed.fieldErrors, values };
  const result = await startPasswordReset(parsed.identity, { clientAddress: await getClientAddress(), now: new Date() });
  if (result.status === "rate-limited") return { status: "error", message: tooManyAttemptsMessage(result.retryAfterSeconds), values };
  if (result.status === "not-matched") {
    return { status: "error", message: identityNotMatchedMessage("compte Mon espace santé activé"), values };
  }
  await writeChallengeToken("password-reset", result.challengeToken);
  redirect("/mot-de-passe-oublie/code");
}
