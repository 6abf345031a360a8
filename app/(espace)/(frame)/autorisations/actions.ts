"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/access/current-actor";
import type { FormState } from "@/lib/form-state";
import {
  type AuthorisationChange,
  blockProfessional,
  setAdministrator,
  setEmergencySettings,
  unblockProfessional,
} from "@/lib/professional-access/authorisations";
import { AUTHORISATIONS_PATH } from "@/lib/professional-access/paths";
import { administratorSchema, emergencySettingsSchema, professionalAccessIdSchema } from "@/lib/professional-access/schemas";
import { formFields, submittedForm } from "@/lib/validation";

/**
 * A change the list's buttons ask for. A form the page did not write, someone else's row, or a
 * change the row cannot take (blocking twice): back to the page, nothing written.
 */
async function changeThen(change: Promise<AuthorisationChange>): Promise<void> {
  const outcome = await change;
  if (outcome.status !== "done") redirect(AUTHORISATIONS_PATH);
  refresh();
}

export async function blockProfessionalAction(submitted: unknown): Promise<void> {
  const parsed = professionalAccessIdSchema.safeParse(formFields(submittedForm(submitted)));
  const actor = await requireActor();
  if (!parsed.success) redirect(AUTHORISATIONS_PATH);
  await changeThen(blockProfessional({ actor, accessId: parsed.data.accessId, now: new Date() }));
}

export async function unblockProfessionalAction(submitted: unknown): Promise<void> {
  const parsed = professionalAccessIdSchema.safeParse(formFields(submittedForm(submitted)));
  const actor = await requireActor();
  if (!parsed.success) redirect(AUTHORISATIONS_PATH);
  await changeThen(unblockProfessional({ actor, accessId: parsed.data.accessId, now: new Date() }));
}

export async function setAdministratorAction(submitted: unknown): Promise<void> {
  const parsed = administratorSchema.safeParse(formFields(submittedForm(submitted)));
  const actor = await requireActor();
  if (!parsed.success) redirect(AUTHORISATIONS_PATH);
  await changeThen(setAdministrator({ actor, accessId: parsed.data.accessId, isAdministrator: parsed.data.isAdministrator, now: new Date() }));
}

/** The three emergency switches. */
export async function saveEmergencySettingsAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const parsed = emergencySettingsSchema.safeParse(formFields(submittedForm(submitted)));
  const actor = await requireActor();
  if (!parsed.success) return { status: "error", message: "Activez ou désactivez chaque accès, puis enregistrez." };
  const { settings } = await setEmergencySettings({ actor, requested: parsed.data, now: new Date() });
  refresh();
  const wasMaskedTurnedOff = parsed.data.includesMaskedDocuments && !settings.includesMaskedDocuments;
  return {
    status: "success",
    message: wasMaskedTurnedOff
      ? "C'est enregistré. « Documents masqués » a été désactivé : il ne vaut que si l'un des deux accès en urgence est activé."
      : "C'est enregistré : vos choix pour les accès en cas d'urgence s'appliquent dès maintenant.",
  };
}
