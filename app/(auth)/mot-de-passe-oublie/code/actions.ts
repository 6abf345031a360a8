"use server";

import { deliverAfterResponse } from "@/lib/delivery";
import { redirect } from "next/navigation";
import type { AuthFormState } from "@/lib/form-state";
import { readChallengeToken } from "@/lib/auth/challenge-cookie";
import { sendChallengeCode } from "@/lib/auth/challenges";
import { expiredCodeMessage, tooManyAttemptsMessage, wrongCodeMessage } from "@/lib/auth/messages";
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
  switch (result.status) {
    case "attempt-expired":
      redirect(EXPIRED);
    case "rate-limited":
      return { status: "error", message: tooManyAttemptsMessage(result.retryAfterSeconds) };
    case "locked":
      return { status: "error", lockedUntil: result.lockedUntil.toISOString() };
    case "channel-unavailable":
      return { status: "error", fieldErrors: { channel: ["Ce moyen de réception n'est pas disponible pour votre compte : choisissez-en un autre."] } };
    case "sent":
      deliverAfterResponse();
      redirect(result.isNew && formData.get("resend") === "1" ? "/mot-de-passe-oublie/code?envoi=nouveau" : "/mot-de-passe-oublie/code");
  }
}

export async function verifyResetCodeAction(_previous: AuthFormState, submitted: unknown): Promise<AuthFormState> {
  const formData = submittedForm(submitted);
  const parsed = codeSchema.safeParse({ code: formData.get("code") ?? "" });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await verifyPasswordResetCode(
    { challengeToken: await readChallengeToken("password-reset"), code: parsed.data.code },
    { clientAddress: await getClientAddress(), now: new Date() },
  );
  switch (result.status) {
    case "verified":
      redirect("/mot-de-passe-oublie/nouveau");
    case "attempt-expired":
      redirect(EXPIRED);
    case "wrong-code":
      return { status: "error", fieldErrors: { code: [wrongCodeMessage(result.remainingAttempts)] } };
    case "code-expired":
      return { status: "error", fieldErrors: { code: [expiredCodeMessage] } };
    case "rate-limited":
      return { status: "error", message: tooManyAttemptsMessage(result.retryAfterSeconds) };
  }
}
