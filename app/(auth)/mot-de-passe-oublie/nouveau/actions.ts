"use server";

import { deliverAfterResponse } from "@/lib/delivery";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/form-state";
import { auth, signOut } from "@/lib/auth/auth";
import { clearChallengeToken, readChallengeToken } from "@/lib/auth/challenge-cookie";
import { completePasswordReset } from "@/lib/auth/recovery";
import { newPasswordSchema } from "@/lib/auth/schemas";
import { fieldErrorsOf, submittedForm } from "@/lib/validation";

/** Never returns the passwords: the form starts again empty after an error. */
export async function newPasswordAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const parsed = newPasswordSchema.safeParse({
    password: formData.get("password") ?? "",
    passwordConfirmation: formData.get("passwordConfirmation") ?? "",
  });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await completePasswordReset(
    { challengeToken: await readChallengeToken("password-reset"), password: parsed.data.password },
    { now: new Date() },
  );
  if (result.status === "attempt-expired") redirect("/mot-de-passe-oublie?motif=demande-expiree");
  if (result.status === "invalid") return { status: "error", fieldErrors: result.fieldErrors };
  await clearChallengeToken("password-reset");
  // Every session was revoked; this browser's cookie, if any, goes too.
  if (await auth()) await signOut({ redirect: false });
  deliverAfterResponse();
  redirect("/connexion?motif=mot-de-passe-modifie");
}
