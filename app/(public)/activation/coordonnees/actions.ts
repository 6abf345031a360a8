"use server";

import { deliverAfterResponse } from "@/lib/delivery";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/form-state";
import { confirmContactChange, confirmContacts, requestContactChange } from "@/lib/enrolment/activation";
import { readFlowToken } from "@/lib/enrolment/flow-cookie";
import { expiredFlowMessage, noLiveContactCodeMessage, tooManyAttemptsMessage, wrongCodeMessage } from "@/lib/enrolment/messages";
import { contactChangeSchema, contactCodeSchema } from "@/lib/enrolment/schemas";
import { getClientAddress } from "@/lib/http/client-address";
import { fieldErrorsOf, submittedForm } from "@/lib/validation";

export async function requestContactChangeAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const values = { kind: String(formData.get("kind") ?? ""), value: String(formData.get("value") ?? "") };
  const parsed = contactChangeSchema.safeParse(values);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await requestContactChange(await readFlowToken(), parsed.data, {
    clientAddress: await getClientAddress(),
    now: new Date(),
  });
  if (result.status === "no-flow") return { status: "error", message: expiredFlowMessage, values };
  if (result.status === "rate-limited") return { status: "error", message: tooManyAttemptsMessage(result.retryAfterSeconds), values };
  if (result.status === "unchanged") {
    return { status: "error", fieldErrors: { value: ["C'est déjà la coordonnée enregistrée."] }, values };
  }
  deliverAfterResponse();
  redirect("/activation/coordonnees?verification=1");
}

export async function confirmContactChangeAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const parsed = contactCodeSchema.safeParse({ kind: formData.get("kind") ?? "", code: formData.get("code") ?? "" });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await confirmContactChange(await readFlowToken(), parsed.data, new Date());
  if (result.status === "no-flow") return { status: "error", message: expiredFlowMessage };
  if (result.status === "wrong-code") {
    return { status: "error", fieldErrors: { code: [wrongCodeMessage(result.remainingAttempts)] } };
  }
  if (result.status === "no-live-code") {
    return { status: "error", fieldErrors: { code: [noLiveContactCodeMessage] } };
  }
  redirect("/activation/coordonnees?modifiee=1");
}

export async function confirmContactsAction(_previous: FormState): Promise<FormState> {
  const result = await confirmContacts(await readFlowToken(), new Date());
  if (result.status === "no-flow") return { status: "error", message: expiredFlowMessage };
  if (result.status === "no-contact") {
    return {
      status: "error",
      message: "Ajoutez une adresse e-mail ou un numéro de mobile : un code vous y sera envoyé à chaque connexion.",
    };
  }
  redirect("/activation/identifiant");
}
