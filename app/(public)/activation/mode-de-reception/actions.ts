"use server";

import { deliverAfterResponse } from "@/lib/delivery";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/form-state";
import { readFlowToken } from "@/lib/enrolment/flow-cookie";
import { expiredFlowMessage, tooManyAttemptsMessage, tooManyCodesMessage } from "@/lib/enrolment/messages";
import { sendRequestedCode } from "@/lib/enrolment/request-code";
import { receptionChannelSchema } from "@/lib/enrolment/schemas";
import { getClientAddress } from "@/lib/http/client-address";
import { fieldErrorsOf, submittedForm } from "@/lib/validation";

export async function chooseReceptionAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const parsed = receptionChannelSchema.safeParse({ channel: formData.get("channel") ?? undefined });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };

  const result = await sendRequestedCode(await readFlowToken(), parsed.data.channel, {
    clientAddress: await getClientAddress(),
    now: new Date(),
  });
  if (result.status === "no-flow") return { status: "error", message: expiredFlowMessage };
  if (result.status === "rate-limited") return { status: "error", message: tooManyAttemptsMessage(result.retryAfterSeconds) };
  if (result.status === "too-many-codes") return { status: "error", message: tooManyCodesMessage(result) };
  if (result.status === "channel-unavailable") {
    return { status: "error", fieldErrors: { channel: ["Ce mode de réception n'est pas disponible pour vous : choisissez-en un autre."] } };
  }
  deliverAfterResponse();
  redirect(`/activation?envoi=${result.channel}`);
}
