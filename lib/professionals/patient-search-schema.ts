import { z } from "zod";
import { isValidNir, normalizeNir } from "@/lib/register/nir";
import { parseFrenchDate } from "@/lib/validation";

/**
 * "Rechercher un patient" on /pro: the NIR (or the matricule INS, which is the same NIR-based
 * identifier, 13 characters and the 2-digit key) and the birth date. Messages speak of the patient.
 */
export const patientSearchSchema = z.object({
  nir: z
    .string()
    .trim()
    .min(1, "Saisissez le numéro de sécurité sociale du patient.")
    .transform((value, context) => {
      const nir = normalizeNir(value);
      if (nir.length !== 15 || !isValidNir(nir)) {
        context.addIssue({
          code: "custom",
          message: "Ce numéro de sécurité sociale n'est pas valide : 15 caractères, 13 chiffres et la clé de 2 chiffres.",
        });
        return z.NEVER;
      }
      return nir;
    }),
  birthDate: z
    .string()
    .trim()
    .min(1, "Saisissez la date de naissance du patient.")
    .transform((value, context) => {
      const date = parseFrenchDate(value);
      if (!date) {
        context.addIssue({ code: "custom", message: "La date de naissance doit être une date réelle au format JJ/MM/AAAA." });
        return z.NEVER;
      }
      return date;
    }),
});

export type PatientSearch = z.infer<typeof patientSearchSchema>;
