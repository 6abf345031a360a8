"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/lib/form-state";
import { requireProfessional } from "@/lib/access/current-actor";
import { getClientAddress } from "@/lib/http/client-address";
import { tooManyAttemptsMessage } from "@/lib/auth/messages";
import { findPatientForProfessional } from "@/lib/professionals/patient-search";
import { patientSearchSchema } from "@/lib/professionals/patient-search-schema";
import { fieldErrorsOf, submittedForm } from "@/lib/validation";

/** The same words for every miss: nobody learns from them whether the person exists or has a space. */
const NOT_FOUND_MESSAGE =
  "Aucun dossier Mon espace santé ne correspond à ce numéro et à cette date de naissance. Vérifiez-les avec le patient.";

/** "Rechercher": a patient with an active space, by NIR (or matricule INS) and birth date. */
export async function searchPatientAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const actor = await requireProfessional();
  const formData = submittedForm(submitted);
  const values = { nir: String(formData.get("nir") ?? ""), birthDate: String(formData.get("birthDate") ?? "") };
  const parsed = patientSearchSchema.safeParse(values);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await findPatientForProfessional(
    { actor, search: parsed.data },
    { clientAddress: await getClientAddress(), now: new Date() },
  );
  switch (result.status) {
    case "rate-limited":
      return { status: "error", message: tooManyAttemptsMessage(result.retryAfterSeconds), values };
    case "not-found":
      return { status: "error", message: NOT_FOUND_MESSAGE, values };
    case "found":
      redirect(`/pro/patients/${result.personId}`);
  }
}
