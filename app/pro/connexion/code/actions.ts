"use server";

import { redirect } from "next/navigation";
import { deliverAfterResponse } from "@/lib/delivery";
import type { AuthFormState } from "@/lib/form-state";
import { LoginCodeRefused, signIn } from "@/lib/auth/auth";
import { clearChallengeToken, readChallengeToken } from "@/lib/auth/challenge-cookie";
import { sendChallengeCode } from "@/lib/auth/challenges";
import { stateOfCodeResult } from "@/lib/auth/code-step-state";
import { codeChannelSchema, oneTimeCodeSchema } from "@/lib/auth/schemas";
import { getClientAddress } from "@/lib/http/client-address";
import { fieldErrorsOf, submittedForm } from "@/lib/validation";

const channelSchema = codeChannelSchema("code de connexion");
const codeSchema = oneTimeCodeSchema("code de connexion");

const EXPIRED = "/pro/connexion?motif=tentative-expiree";

/** "Recevoir mon code", "Renvoyer un code" on /pro: the same sending rules as the patients'. */
export async function proSendLoginCodeAction(_previous: AuthFormState, submitted: unknown): Promise<AuthFormState> {
  const formData = submittedForm(submitted);
  const parsed = channelSchema.safeParse({ channel: formData.get("channel") ?? undefined });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await sendChallengeCode(await readChallengeToken("login"), "login", parsed.data.channel, {
    clientAddress: await getClientAddress(),
    now: new Date(),
  });
  if (result.status !== "sent") return stateOfCodeResult(result) ?? redirect(EXPIRED);
  deliverAfterResponse();
  redirect(`/pro/connexion/code${result.isNew && formData.get("resend") === "1" ? "?envoi=nouveau" : ""}`);
}

/** "Valider" on /pro: the code opens a professional session only (kind "professional"), then the /pro home. */
export async function proVerifyLoginCodeAction(_previous: AuthFormState, submitted: unknown): Promise<AuthFormState> {
  const formData = submittedForm(submitted);
  const parsed = codeSchema.safeParse({ code: formData.get("code") ?? "" });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  const challengeToken = await readChallengeToken("login");
  if (!challengeToken) redirect(EXPIRED);
  try {
    await signIn("credentials", { challengeToken, code: parsed.data.code, kind: "professional", redirect: false });
  } catch (error) {
    if (error instanceof LoginCodeRefused) return stateOfCodeResult(error.result) ?? redirect(EXPIRED);
    throw error;
  }
  await clearChallengeToken("login");
  redirect("/pro");
}
