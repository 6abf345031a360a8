import { z } from "zod";

/** An id from a form: anything else is simply not found, never a database error. */
const accessIdField = z.uuid({ error: "not-found" });

/** "Bloquer" / "Débloquer": one professional of the subject's list. */
export const professionalAccessIdSchema = z.object({ accessId: accessIdField });

/** "Nommer administrateur" / "Retirer le statut d'administrateur": the button says which. */
export const administratorSchema = z.object({
  accessId: accessIdField,
  isAdministrator: z.enum(["oui", "non"], { error: "not-found" }).transform((value) => value === "oui"),
});

/** A switch of the form: sent ("on") only when on. */
const switchField = z
  .literal("on", { error: "not-found" })
  .optional()
  .transform((value) => value === "on");

/** The three emergency switches, saved at once; the dependency is settled by lib (settleEmergencySettings). */
export const emergencySettingsSchema = z.object({
  allowsEmergencyMedicalService: switchField,
  allowsOtherProfessionals: switchField,
  includesMaskedDocuments: switchField,
});
