"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/access/current-actor";
import type { FormState } from "@/lib/form-state";
import { HEALTH_HISTORY_PATH } from "@/lib/reimbursements/paths";
import { addToProfileSchema, healthHistoryVisibilitySchema } from "@/lib/reimbursements/schemas";
import { addLineToProfile, setHealthHistoryHidden } from "@/lib/reimbursements/writes";
import { formFields, submittedForm } from "@/lib/validation";

const NOT_FOUND_MESSAGE = "Ce soin est introuvable dans vos remboursements.";

/** "Ajouter à mes traitements" / "Ajouter à mes vaccinations" on a delivered medicine or vaccine. */
export async function addToProfileAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const parsed = addToProfileSchema.safeParse(formFields(submittedForm(submitted)));
  const actor = await requireActor();
  if (!parsed.success) return { status: "error", message: NOT_FOUND_MESSAGE };
  const { lineId, target } = parsed.data;
  const result = await addLineToProfile({ actor, lineId, target, now: new Date() });
  switch (result.status) {
    case "saved":
      return {
        status: "success",
        message: target === "treatment" ? "Le médicament est ajouté à vos traitements." : "Le vaccin est ajouté à vos vaccinations.",
      };
    case "confidential":
      return {
        status: "error",
        message: "Ce soin est confidentiel : l'ajouter à votre profil médical le rendrait visible à vos représentants légaux.",
      };
    case "invalid":
      return { status: "error", message: Object.values(result.fieldErrors).flat().join(" ") || NOT_FOUND_MESSAGE };
    default:
      return { status: "error", message: NOT_FOUND_MESSAGE };
  }
}

/** "Masquer aux professionnels" / "Rendre visible" for the whole of "Mon histoire de santé". */
export async function changeHealthHistoryVisibilityAction(submitted: unknown): Promise<void> {
  const parsed = healthHistoryVisibilitySchema.safeParse(formFields(submittedForm(submitted)));
  const actor = await requireActor();
  // Only a form the page did not write sends other values: back to the page, nothing written.
  if (!parsed.success) redirect(HEALTH_HISTORY_PATH);
  await setHealthHistoryHidden({ actor, isHidden: parsed.data.visibility === "hidden", now: new Date() });
  refresh();
}
