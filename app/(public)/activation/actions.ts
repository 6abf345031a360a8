"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/lib/form-state";
import { readFlowToken, writeFlowToken } from "@/lib/enrolment/flow-cookie";
import { noLiveProvisionalCodeMessage, tooManyAttemptsMessage, wrongCodeMessage } from "@/lib/enrolment/messages";
import { isFlowInProgress } from "@/lib/enrolment/request-code";
import { codeEntrySchema, codeEntryWithIdentitySchema } from "@/lib/enrolment/schemas";
import { verifyProvisionalCode } from "@/lib/enrolment/verify-code";
import { getClientAddress } from "@/lib/http/client-address";
import { fieldErrorsOf, submittedForm } from "@/lib/validation";

export async function verifyCodeAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const now = new Date();
  const flowToken = await readFlowToken();
  const hasFlow = await isFlowInProgress(flowToken, now);
  const values = {
    nir: String(formData.get("nir") ?? ""),
    birthDate: String(formData.get("birthDate") ?? ""),
  };
  const context = { clientAddress: await getClientAddress(), now };

  let result;
  if (hasFlow && flowToken) {
    const parsed = codeEntrySchema.safeParse({ code: formData.get("code") ?? "" });
    if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
    result = await verifyProvisionalCode({ flowToken, code: parsed.data.code }, context);
  } else {
    const parsed = codeEntryWithIdentitySchema.safeParse({ ...values, code: formData.get("code") ?? "" });
    if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
    result = await verifyProvisionalCode(parsed.data, context);
  }

  if (result.status === "rate-limited") {
    return { status: "error", message: tooManyAttemptsMessage(result.retryAfterSeconds), values };
  }
  if (result.status === "wrong-code") {
    return { status: "error", fieldErrors: { code: [wrongCodeMessage(result.remainingAttempts)] }, values };
  }
  if (result.status === "no-live-code") return { status: "error", fieldErrors: { code: [noLiveProvisionalCodeMessage] }, values };
  await writeFlowToken(result.flowToken);
  redirect("/activation/choix");
}
