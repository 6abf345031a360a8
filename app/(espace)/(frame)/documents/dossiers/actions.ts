"use server";

import { refresh } from "next/cache";
import { requireActor } from "@/lib/access/current-actor";
import { FOLDER_NOT_FOUND_MESSAGE, formStateOf } from "@/lib/documents/change-state";
import { createFolder, deleteFolder, renameFolder } from "@/lib/documents/changes";
import { folderCreateSchema, folderIdSchema, folderRenameSchema } from "@/lib/documents/schemas";
import type { FormState } from "@/lib/form-state";
import { fieldErrorsOf, formFields, submittedForm } from "@/lib/validation";

function nameOf(formData: FormData): Record<string, string> {
  const name = formData.get("name");
  return typeof name === "string" ? { name } : {};
}

export async function createFolderAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const values = nameOf(formData);
  const parsed = folderCreateSchema.safeParse(formFields(formData));
  const actor = await requireActor();
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  const change = await createFolder({ actor, name: parsed.data.name, now: new Date() });
  if (change.status === "done") refresh();
  return formStateOf(change, { success: `Le dossier « ${parsed.data.name} » est créé.`, values });
}

export async function renameFolderAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const values = nameOf(formData);
  const parsed = folderRenameSchema.safeParse(formFields(formData));
  const actor = await requireActor();
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    if (fieldErrors.folderId) return { status: "error", message: FOLDER_NOT_FOUND_MESSAGE, values };
    return { status: "error", fieldErrors, values };
  }
  const change = await renameFolder({ actor, ...parsed.data, now: new Date() });
  if (change.status === "done") refresh();
  return formStateOf(change, { success: `Le dossier s'appelle maintenant « ${parsed.data.name} ».`, notFound: FOLDER_NOT_FOUND_MESSAGE, values });
}

/** Its documents go back to "Aucun dossier". */
export async function deleteFolderAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const parsed = folderIdSchema.safeParse(formFields(submittedForm(submitted)));
  const actor = await requireActor();
  if (!parsed.success) return { status: "error", message: FOLDER_NOT_FOUND_MESSAGE };
  const change = await deleteFolder({ actor, folderId: parsed.data.folderId, now: new Date() });
  if (change.status === "done") refresh();
  return formStateOf(change, { success: "Le dossier est supprimé. Ses documents sont maintenant dans « Aucun dossier ».", notFound: FOLDER_NOT_FOUND_MESSAGE });
}
