"use server";

import { deliverAfterResponse } from "@/lib/delivery";
import { redirect } from "next/navigation";
import type { AuthFormState } from "@/lib/form-state";
import { readChallengeToken } from "@/lib/auth/challenge-cookie";
import { sendChallengeCode } from "@/lib/auth/challenges";
import { stateOfCodeResult } from "@/lib/auth/code-step-state";
import { verifyPasswordResetCode } from "@/lib/auth/recovery";
import { codeChannelSchema, oneTimeCodeSchema } from "@/lib/auth/schemas";
import { getClientAddress } from "@/lib/http/client-address";
import { fieldErrorsOf, submittedForm } from "@/lib/validation";

const channelSchema = codeChannelSchema("code de vérification");
const codeSchema = oneTimeCodeSchema("code de vérification");

const EXPIRED = "/mot-de-passe-oublie?motif=demande-expiree";

export async function sendResetCodeAction(_previous: AuthFormState, submitted: unknown): Promise<AuthFormState> {
  const formData = submittedForm(submitted);
  const parsed = channelSchema.safeParse({ channel: formData.get("channel") ?? undefined });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await sendChallengeCode(await readChallengeToken("password-reset"), "password-reset", parsed.data.channel, {
    clientAddress: await getClientAddress(),
    now: new Date(),
  });
  if (result.status !== "sent") return stateOfCodeResult(result) ?? redirect(EXPIRED);
  deliverAfterResponse();
  redirect(result.isNew && formData.get("resend") === "1" ? "/mot-de-passe-oublie/code?envoi=nouveau" : "/mot-de-passe-oublie/code");
}

export async function verifyResetCodeAction(_previous: AuthFormState, submitted: unknown): Promise<AuthFormState> {
  const formData = submittedForm(submitted);
  const parsed = codeSchema.safeParse({ code: formData.get("code") ?? "" });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await verifyPasswordResetCode(
    { challengeToken: await readChallengeToken("password-reset"), code: parsed.data.code },
    { clientAddress: await getClientAddress(), now: new Date() },
  );
  if (result.status !== "verified") return stateOfCodeResult(result) ?? redirect(EXPIRED);
  redirect("/mot-de-passe-oublie/nouveau");
}
