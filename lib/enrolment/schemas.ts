import { z } from "zod";
import { IDENTIFIER_MAX_LENGTH } from "@/lib/auth/credential-rules";
import { identifierLengthMessage } from "@/lib/auth/messages";
import { confirmationMismatch, isConfirmationSame, newPasswordFields } from "@/lib/auth/schemas";
import { nirField } from "@/lib/register/identity";
import { emailField, frenchDateField, mobileField } from "@/lib/validation";

export const receptionChannelSchema = z.object({
  channel: z.enum(["email", "sms", "letter"], { error: "Choisissez comment recevoir votre code provisoire." }),
});

export const provisionalCodeField = z
  .string({ error: "Saisissez votre code provisoire." })
  .trim()
  .min(1, "Saisissez votre code provisoire.")
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^[A-Z0-9]{8}$/, "Le code provisoire compte 8 caractères (lettres et chiffres)."));

/** With a flow in progress only the code is asked; otherwise the person identifies with it. */
export const codeEntrySchema = z.object({ code: provisionalCodeField });
export const codeEntryWithIdentitySchema = z.object({
  nir: nirField,
  birthDate: frenchDateField("date de naissance"),
  code: provisionalCodeField,
});

export const decisionSchema = z.object({
  decision: z.enum(["activate", "oppose"], { error: "Choisissez d'activer Mon espace santé ou de vous opposer à sa création." }),
});

export const termsSchema = z.object({
  accepted: z.literal("on", {
    error: "Vous devez accepter les Conditions Générales d'Utilisation et la Politique de protection des données personnelles pour continuer.",
  }),
});

export const contactChangeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("email"), value: emailField }),
  z.object({ kind: z.literal("mobile"), value: mobileField }),
]);

export const contactCodeSchema = z.object({
  kind: z.enum(["email", "mobile"]),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Le code de vérification compte 6 chiffres."),
});

export const credentialsSchema = z
  .object({ identifier: z.string().trim().max(IDENTIFIER_MAX_LENGTH, identifierLengthMessage), ...newPasswordFields })
  .refine(isConfirmationSame, confirmationMismatch);
export type CredentialsInput = z.infer<typeof credentialsSchema>;
