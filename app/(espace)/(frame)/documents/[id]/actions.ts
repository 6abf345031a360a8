"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/access/current-actor";
import { formStateOf } from "@/lib/documents/change-state";
import {
  deleteDocument,
  moveDocument,
  reportDocument,
  setDocumentPinned,
  setDocumentVisibility,
  updateDocumentDetails,
} from "@/lib/documents/changes";
import { DOCUMENTS_PATH } from "@/lib/documents/paths";
import {
  documentDetailsSchema,
  documentIdSchema,
  documentMoveSchema,
  documentPinSchema,
  documentReportSchema,
  documentVisibilitySchema,
} from "@/lib/documents/schemas";
import type { FormState } from "@/lib/form-state";
import { fieldErrorsOf, formFields, submittedForm } from "@/lib/validation";
import { DOCUMENT_NOT_FOUND_MESSAGE } from "@/lib/documents/change-state";

/** The text fields a form sent, to refill it after an error. */
function valuesOf(formData: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = formData.get(name);
    if (typeof value === "string") values[name] = value;
  }
  return values;
}

/** A document id that is not one is not found, whatever else the form says. */
function notFoundOr(fieldErrors: Record<string, string[] | undefined>, values: Record<string, string>): FormState {
  if (fieldErrors.documentId) return { status: "error", message: DOCUMENT_NOT_FOUND_MESSAGE, values };
  return { status: "error", fieldErrors, values };
}

/** "Masquer aux professionnels" / "Rendre visible". */
export async function changeVisibilityAction(submitted: unknown): Promise<void> {
  const parsed = documentVisibilitySchema.safeParse(formFields(submittedForm(submitted)));
  const actor = await requireActor();
  // Only a form the page did not write sends other values: back to the list, nothing written.
  if (!parsed.success) redirect(DOCUMENTS_PATH);
  await setDocumentVisibility({ actor, ...parsed.data, now: new Date() });
  refresh();
}

/** "Épingler" / "Désépingler". */
export async function changePinAction(submitted: unknown): Promise<void> {
  const parsed = documentPinSchema.safeParse(formFields(submittedForm(submitted)));
  const actor = await requireActor();
  // Only a form the page did not write sends other values: back to the list, nothing written.
  if (!parsed.success) redirect(DOCUMENTS_PATH);
  await setDocumentPinned({ actor, ...parsed.data, now: new Date() });
  refresh();
}

const DETAIL_FIELDS = ["title", "documentDate", "category"] as const;

/** Rename, re-date, re-categorise one's own upload. */
export async function updateDocumentDetailsAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const values = valuesOf(formData, DETAIL_FIELDS);
  const now = new Date();
  const parsed = documentDetailsSchema(now).safeParse(formFields(formData));
  const actor = await requireActor();
  if (!parsed.success) return notFoundOr(fieldErrorsOf(parsed.error), values);
  const change = await updateDocumentDetails({ actor, ...parsed.data, now });
  if (change.status === "done") refresh();
  return formStateOf(change, {
    success: "Les modifications sont enregistrées.",
    refused: "Ce document a été ajouté par quelqu'un d'autre : il ne peut pas être modifié.",
    values,
  });
}

/** Into a folder, or back to "Aucun dossier". */
export async function moveDocumentAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const values = valuesOf(formData, ["folderId"]);
  const parsed = documentMoveSchema.safeParse(formFields(formData));
  const actor = await requireActor();
  if (!parsed.success) return notFoundOr(fieldErrorsOf(parsed.error), values);
  const change = await moveDocument({ actor, ...parsed.data, now: new Date() });
  if (change.status === "done") refresh();
  return formStateOf(change, { success: "Le document est rangé.", values });
}

/** "Signaler un problème": once per document. */
export async function reportDocumentAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const formData = submittedForm(submitted);
  const values = valuesOf(formData, ["reason"]);
  const parsed = documentReportSchema.safeParse(formFields(formData));
  const actor = await requireActor();
  if (!parsed.success) return notFoundOr(fieldErrorsOf(parsed.error), values);
  const change = await reportDocument({ actor, ...parsed.data, now: new Date() });
  if (change.status === "done") refresh();
  return formStateOf(change, {
    success: "Votre signalement est enregistré. Merci.",
    refused: "Un problème a déjà été signalé sur ce document.",
    values,
  });
}

/** "Supprimer", confirmed in its dialog: the patient's own uploads only; back to the list after. */
export async function deleteDocumentAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const parsed = documentIdSchema.safeParse(formFields(submittedForm(submitted)));
  const actor = await requireActor();
  if (!parsed.success) return { status: "error", message: DOCUMENT_NOT_FOUND_MESSAGE };
  const change = await deleteDocument({ actor, documentId: parsed.data.documentId, now: new Date() });
  if (change.status === "done") redirect(`${DOCUMENTS_PATH}?supprime=1`);
  return formStateOf(change, { refused: "Ce document a été ajouté par quelqu'un d'autre : il ne peut pas être supprimé." });
}
