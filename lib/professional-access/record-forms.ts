import { z } from "zod";

/**
 * The fields of the /pro record page's forms, as their server actions parse them: the patient is
 * a hidden field (an id; anything else is simply not found), « Le patient m'a donné son accord »
 * must be ticked. The reason of « Accès en urgence » is openEmergencyAccess's to check.
 */
export const CONSENT_UNTICKED_MESSAGE = "Cochez « Le patient m'a donné son accord » pour accéder au dossier.";

export const patientFieldSchema = z.object({ personId: z.uuid({ error: "not-found" }) });

export const consentFormSchema = patientFieldSchema.extend({
  consent: z.literal("on", { error: CONSENT_UNTICKED_MESSAGE }),
});
