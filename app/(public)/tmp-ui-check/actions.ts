"use server";

import type { FormState } from "@/components/forms/form-state";

let submissions = 0;

export async function submitCheck(_previous: FormState, formData: FormData): Promise<FormState> {
  submissions += 1;
  await new Promise((resolve) => setTimeout(resolve, 800));
  const nir = String(formData.get("nir") ?? "");
  const mode = String(formData.get("mode") ?? "");
  const accepted = formData.get("terms") === "on";
  const fieldErrors: Record<string, string[]> = {};
  if (!/^\d{15}$/.test(nir)) fieldErrors.nir = ["Saisissez les 15 chiffres de votre numéro de sécurité sociale."];
  if (!mode) fieldErrors.mode = ["Choisissez un mode de réception."];
  if (!accepted) fieldErrors.terms = ["Vous devez accepter les conditions pour continuer."];
  if (String(formData.get("password") ?? "").length < 8) fieldErrors.password = ["Le mot de passe est trop court."];
  if (Object.keys(fieldErrors).length > 0) {
    return { status: "error", fieldErrors, message: `Submission ${submissions}`, values: { nir, mode } };
  }
  return { status: "success", message: `Tout est correct (envoi n° ${submissions}).`, values: { nir, mode } };
}

export async function countSubmissions(): Promise<number> {
  return submissions;
}

export async function confirmCheck(_previous: FormState, formData: FormData): Promise<FormState> {
  submissions += 1;
  await new Promise((resolve) => setTimeout(resolve, 500));
  return { status: "success", message: `Confirmé : ${String(formData.get("confirmation"))} (envoi n° ${submissions}).` };
}
