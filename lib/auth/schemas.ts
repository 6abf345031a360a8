import { z } from "zod";
import { type IdentityInput, identitySchema } from "@/lib/enrolment/schemas";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation";

/** "Par e-mail" / "Par SMS", for the code called `codeName` ("code de connexion", …). */
export function codeChannelSchema(codeName: string) {
  return z.object({ channel: z.enum(["email", "sms"], { error: `Choisissez comment recevoir votre ${codeName}.` }) });
}

/** Six digits, spaces allowed, for the code called `codeName`. */
export function oneTimeCodeSchema(codeName: string) {
  return z.object({
    code: z
      .string()
      .transform((value) => value.replace(/\s/g, ""))
      .pipe(
        z
          .string()
          .min(1, `Saisissez le ${codeName} reçu.`)
          .regex(/^\d{6}$/, `Le ${codeName} compte 6 chiffres.`),
      ),
  });
}

export type IdentityFormResult =
  | { success: true; identity: IdentityInput; values: Record<string, string> }
  | { success: false; fieldErrors: FieldErrors; values: Record<string, string> };

/** NIR, birth date and Vitale serial as typed in the recovery forms, checked, with the values to refill the form. */
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
