"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/lib/form-state";
import { writeFlowToken } from "@/lib/enrolment/flow-cookie";
import { tooManyAttemptsMessage } from "@/lib/enrolment/messages";
import { identifyForCodeRequest } from "@/lib/enrolment/request-code";
import { getClientAddress } from "@/lib/http/client-address";
import { identityNotMatchedMessage, parseIdentityForm } from "@/lib/register/identity";
import { submittedForm } from "@/lib/validation";

export async function identifyAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const parsed = parseIdentityForm(formData);
  const { values } = parsed;
  if (!parsed.success) return { status: "error", fieldErrors: parsed.fieldErrors, values };

  const result = await identifyForCodeRequest(parsed.identity, { clientAddress: await getClientAddress(), now: new Date() });
  if (result.status === "rate-limited") {
    return { status: "error", message: tooManyAttemptsMessage(result.retryAfterSeconds), values };
  }
  if (result.status === "not-matched") {
    return { status: "error", message: identityNotMatchedMessage("assuré"), values };
  }
  await writeFlowToken(result.flowToken);
  redirect("/activation/mode-de-reception");
}
