import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { type CurrentPatient, requirePatient } from "@/lib/auth/current-patient";
import { isQuestionnaireCompleted } from "./questionnaire";

/**
 * The gate of every page of the space's frame: a signed-in patient (else /connexion) who is done
 * with the first-login questionnaire (else /questionnaire). Cached per request, so the layout and
 * the page it wraps share one check.
 */
export const requireOnboardedPatient = cache(async (): Promise<CurrentPatient> => {
  const patient = await requirePatient();
  if (!(await isQuestionnaireCompleted(patient.personId))) redirect("/questionnaire");
  return patient;
});
