"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { writeFlowToken } from "@/lib/enrolment/flow-cookie";
import { tooManyAttemptsMessage } from "@/lib/enrolment/messages";
import { identifyForCodeRequest } from "@/lib/enrolment/request-code";
import { identitySchema } from "@/lib/enrolment/schemas";
import { getClientAddress } from "@/lib/http/client-address";
import { fieldErrorsOf, submittedForm } from "@/lib/validation";

export async function identifyAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const values = {
    nir: String(formData.get("nir") ?? ""),
    birthDate: String(formData.get("birthDate") ?? ""),
    vitaleSerial: String(formData.get("vitaleSerial") ?? ""),
  };
  const parsed = identitySchema.safeParse(values);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };

  const result = await identifyForCodeRequest(parsed.data, { clientAddress: await getClientAddress(), now: new Date() });
  if (result.status === "rate-limited") {
    return { status: "error", message: tooManyAttemptsMessage(result.retryAfterSeconds), values };
  }
  if (result.status === "not-matched") {
    return {
      status: "error",
      message:
        "Ces informations ne correspondent à aucun assuré. Vérifiez votre numéro de sécurité sociale, votre date de naissance et le numéro de série de votre carte Vitale.",
      values,
    };
  }
  await writeFlowToken(result.flowToken);
  redirect("/activation/mode-de-reception");
}
