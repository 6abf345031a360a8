"use server";

import { deliverAfterResponse } from "@/lib/delivery";
import type { FormState } from "@/lib/form-state";
import { tooManyAttemptsMessage } from "@/lib/auth/messages";
import { sendIdentifierReminder } from "@/lib/auth/recovery";
import { parseIdentityForm } from "@/lib/register/identity";
import { getClientAddress } from "@/lib/http/client-address";
import { submittedForm } from "@/lib/validation";

/** The same words whether or not the details match an account: the page must not tell who has one. */
const SENT_IF_MATCHED =
  "Si ces informations correspondent à un compte Mon espace santé activé, votre identifiant vient d'être envoyé à l'adresse e-mail enregistrée dans votre compte (ou, à défaut, par SMS au numéro de mobile enregistré). Pensez à vérifier vos courriers indésirables.";

export async function identifierReminderAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const parsed = parseIdentityForm(formData);
  const { values } = parsed;
  if (!parsed.success) return { status: "error", fieldErrors: parsed.fieldErrors, values };
  const result = await sendIdentifierReminder(parsed.identity, { clientAddress: await getClientAddress(), now: new Date() });
  if (result.status === "rate-limited") return { status: "error", message: tooManyAttemptsMessage(result.retryAfterSeconds), values };
  // Sent after the answer, so that its duration does not tell whether there was anything to send.
  deliverAfterResponse();
  return { status: "success", message: SENT_IF_MATCHED };
}
