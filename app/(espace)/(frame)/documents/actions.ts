"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/access/current-actor";
import { formStateOf } from "@/lib/documents/change-state";
import { setAllDocumentsVisibility, setDefaultVisibility } from "@/lib/documents/changes";
import { DOCUMENTS_PATH } from "@/lib/documents/paths";
import { allDocumentsVisibilitySchema, defaultVisibilitySchema } from "@/lib/documents/schemas";
import type { FormState } from "@/lib/form-state";
import { formFields, submittedForm } from "@/lib/validation";

/** "Tout masquer" / "Tout rendre visible". */
export async function changeAllVisibilityAction(submitted: unknown): Promise<void> {
  const parsed = allDocumentsVisibilitySchema.safeParse(formFields(submittedForm(submitted)));
  const actor = await requireActor();
  // Only a form the page did not write sends other values: back to the list, nothing written.
  if (!parsed.success) redirect(DOCUMENTS_PATH);
  await setAllDocumentsVisibility({ actor, isHidden: parsed.data.isHidden, now: new Date() });
  refresh();
}

/** The default for documents added from now on. */
export async function saveDefaultVisibilityAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const parsed = defaultVisibilitySchema.safeParse(formFields(submittedForm(submitted)));
  const actor = await requireActor();
  if (!parsed.success) return { status: "error", message: "Cochez la case ou laissez-la vide, puis enregistrez." };
  const change = await setDefaultVisibility({ actor, hideNewDocuments: parsed.data.hideNewDocuments, now: new Date() });
  refresh();
  return formStateOf(change, {
    success: parsed.data.hideNewDocuments
      ? "C'est enregistré : les prochains documents seront masqués aux professionnels de santé."
      : "C'est enregistré : les prochains documents seront visibles par les professionnels de santé.",
  });
}
