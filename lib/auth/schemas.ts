import { z } from "zod";
import { IDENTIFIER_MAX_LENGTH, PASSWORD_MAX_LENGTH } from "./credential-rules";
import { describeRppsProblem, normalizeRpps } from "@/lib/professionals/rpps";
import { passwordTooLongMessage } from "./messages";

/** "Se connecter": bounds only, the rules are the creation's business; a wrong pair is told apart later. */
export const loginPasswordSchema = z.object({
  identifier: z.string().trim().min(1, "Saisissez votre identifiant.").max(IDENTIFIER_MAX_LENGTH, "Cet identifiant est trop long."),
  password: z.string().min(1, "Saisissez votre mot de passe.").max(PASSWORD_MAX_LENGTH, "Ce mot de passe est trop long."),
});

/** A new password typed twice (activation, reset); its rules are checked with the person's names (credential-checks.ts). */
export const newPasswordFields = {
  password: z.string().max(PASSWORD_MAX_LENGTH, passwordTooLongMessage),
  passwordConfirmation: z.string().max(PASSWORD_MAX_LENGTH, passwordTooLongMessage),
};

export function isConfirmationSame(input: { password: string; passwordConfirmation: string }): boolean {
  return input.password === input.passwordConfirmation;
}

export const confirmationMismatch = { path: ["passwordConfirmation"], message: "Les deux mots de passe ne sont pas identiques." };

export const newPasswordSchema = z.object(newPasswordFields).refine(isConfirmationSame, confirmationMismatch);

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

/** A professional's numéro RPPS, spaces allowed, checked as the directory checks it (11 digits, Luhn). */
const rppsField = z
  .string()
  .transform(normalizeRpps)
  .superRefine((rpps, context) => {
    if (rpps.length === 0) {
      context.addIssue({ code: "custom", message: "Saisissez votre numéro RPPS." });
      return;
    }
    const problem = describeRppsProblem(rpps);
    if (problem) context.addIssue({ code: "custom", message: `Ce numéro RPPS n'est pas valide (${problem}).` });
  });

/** /pro « Identifiant oublié ? »: the RPPS of the directory entry whose identifier is sent to its contact on file. */
export const professionalIdentifierReminderSchema = z.object({ rpps: rppsField });

/** /pro « Mot de passe oublié ? »: the identifier and the RPPS of the same professional account. */
export const professionalPasswordResetSchema = z.object({ identifier: loginPasswordSchema.shape.identifier, rpps: rppsField });
