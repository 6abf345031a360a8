import { z } from "zod";
import { isValidNir, normalizeNir } from "@/lib/register/nir";
import { emailField, frenchDateField, mobileField } from "@/lib/validation";

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
export type IdentityInput = z.infer<typeof identitySchema>;

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
  .object({
    identifier: z.string().trim().max(200, "L'identifiant doit contenir entre 8 et 100 caractères."),
    password: z.string().max(256, "Le mot de passe ne peut pas dépasser 128 caractères."),
    passwordConfirmation: z.string().max(256),
  })
  .refine((input) => input.password === input.passwordConfirmation, {
    path: ["passwordConfirmation"],
    message: "Les deux mots de passe ne sont pas identiques.",
  });
export type CredentialsInput = z.infer<typeof credentialsSchema>;
