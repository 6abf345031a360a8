import { z } from "zod";
import { fieldErrorsOf, frenchDateField } from "@/lib/validation";
import type { FieldErrors } from "@/lib/form-state";
import { isValidNir, normalizeNir } from "./nir";

/**
 * The identity proof every flow without a session asks for (a new provisional code, a forgotten
 * identifier or password): the NIR, the birth date and the Vitale card's serial, as the insurer's
 * register holds them. Enrolment and recovery both use it; it depends on neither.
 */

export const nirField = z
  .string({ error: "Saisissez votre numéro de sécurité sociale." })
  .trim()
  .min(1, "Saisissez votre numéro de sécurité sociale.")
  .transform((value, context) => {
    const nir = normalizeNir(value);
    if (nir.length !== 15) {
      context.addIssue({
        code: "custom",
        message: "Le numéro de sécurité sociale compte 15 caractères (13 chiffres et la clé de 2 chiffres).",
      });
      return z.NEVER;
    }
    if (!isValidNir(nir)) {
      context.addIssue({ code: "custom", message: "Ce numéro de sécurité sociale n'est pas valide : vérifiez-le, clé comprise." });
      return z.NEVER;
    }
    return nir;
  });

export const vitaleSerialField = z
  .string({ error: "Saisissez le numéro de série de votre carte Vitale." })
  .trim()
  .min(1, "Saisissez le numéro de série de votre carte Vitale.")
  .transform((value) => value.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{8,13}$/, "Le numéro de série de la carte Vitale compte de 8 à 13 chiffres."));

export const identitySchema = z.object({
  nir: nirField,
  birthDate: frenchDateField("date de naissance"),
  vitaleSerial: vitaleSerialField,
});

/** NIR (15 characters), birth date (YYYY-MM-DD) and Vitale serial (digits), as stored. */
export type IdentityProof = z.infer<typeof identitySchema>;

/**
 * The answer when no `record` ("assuré", "compte Mon espace santé activé") matches: never which
 * of the three details differed, nor whether the NIR exists.
 */
export function identityNotMatchedMessage(record: string): string {
  return `Ces informations ne correspondent à aucun ${record}. Vérifiez votre numéro de sécurité sociale, votre date de naissance et le numéro de série de votre carte Vitale.`;
}

export type IdentityFormResult =
  | { success: true; identity: IdentityProof; values: Record<string, string> }
  | { success: false; fieldErrors: FieldErrors; values: Record<string, string> };

/** The identity form as typed, checked, with the values the form refills itself with. */
export function parseIdentityForm(formData: FormData): IdentityFormResult {
  const values = {
    nir: String(formData.get("nir") ?? ""),
    birthDate: String(formData.get("birthDate") ?? ""),
    vitaleSerial: String(formData.get("vitaleSerial") ?? ""),
  };
  const parsed = identitySchema.safeParse(values);
  return parsed.success
    ? { success: true, identity: parsed.data, values }
    : { success: false, fieldErrors: fieldErrorsOf(parsed.error), values };
}
