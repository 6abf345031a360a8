"use server";

import { deliverAfterResponse } from "@/lib/delivery";
import { redirect } from "next/navigation";
import type { AuthFormState } from "@/lib/form-state";
import { LoginCodeRefused, signIn } from "@/lib/auth/auth";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { clearChallengeToken, readChallengeToken } from "@/lib/auth/challenge-cookie";
import { sendChallengeCode } from "@/lib/auth/challenges";
import { stateOfCodeResult } from "@/lib/auth/code-step-state";
import { codeChannelSchema, oneTimeCodeSchema } from "@/lib/auth/schemas";
import { getClientAddress } from "@/lib/http/client-address";
import { fieldErrorsOf, submittedForm } from "@/lib/validation";

const channelSchema = codeChannelSchema("code de connexion");
const codeSchema = oneTimeCodeSchema("code de connexion");

const EXPIRED = "/connexion?motif=tentative-expiree";

function codePage(callbackUrl: FormDataEntryValue | null, query = ""): string {
  return `/connexion/code?callbackUrl=${encodeURIComponent(safeCallbackPath(callbackUrl))}${query}`;
}

/** "Recevoir mon code", "Renvoyer un code": a one-time code to the chosen contact on file. */
export async function sendLoginCodeAction(_previous: AuthFormState, submitted: unknown): Promise<AuthFormState> {
  const formData = submittedForm(submitted);
  const parsed = channelSchema.safeParse({ channel: formData.get("channel") ?? undefined });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  const token = await readChallengeToken("login");
  const result = await sendChallengeCode(token, "login", parsed.data.channel, {
    clientAddress: await getClientAddress(),
    now: new Date(),
  });
  if (result.status !== "sent") return stateOfCodeResult(result) ?? redirect(EXPIRED);
  deliverAfterResponse();
  redirect(codePage(formData.get("callbackUrl"), result.isNew && formData.get("resend") === "1" ? "&envoi=nouveau" : ""));
}

/** "Valider": Auth.js' credentials provider checks the code and opens the session. */
export async function verifyLoginCodeAction(_previous: AuthFormState, submitted: unknown): Promise<AuthFormState> {
  const formData = submittedForm(submitted);
  const parsed = codeSchema.safeParse({ code: formData.get("code") ?? "" });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  const challengeToken = await readChallengeToken("login");
  if (!challengeToken) redirect(EXPIRED);
  try {
    // No redirect from Auth.js: the destination is ours to choose, same-origin only.
    await signIn("credentials", { challengeToken, code: parsed.data.code, redirect: false });
  } catch (error) {
    if (error instanceof LoginCodeRefused) return stateOfCodeResult(error.result) ?? redirect(EXPIRED);
    throw error;
  }
  await clearChallengeToken("login");
  redirect(safeCallbackPath(formData.get("callbackUrl")));
}
