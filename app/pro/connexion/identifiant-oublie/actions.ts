"use server";

import type { FormState } from "@/lib/form-state";
import { PROFESSIONAL_RECOVERY_PAGES, submitIdentifierReminder } from "@/lib/auth/recovery-steps";
import { professionalIdentifierReminderSchema } from "@/lib/auth/schemas";
import { fieldErrorsOf, submittedForm } from "@/lib/validation";

/** /pro « Identifiant oublié ? »: the identifier of the RPPS's account to its contact on file; the same answer either way. */
export async function proIdentifierReminderAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const values = { rpps: String(submittedForm(submitted).get("rpps") ?? "") };
  const parsed = professionalIdentifierReminderSchema.safeParse(values);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  return submitIdentifierReminder(PROFESSIONAL_RECOVERY_PAGES, parsed.data, values);
}
