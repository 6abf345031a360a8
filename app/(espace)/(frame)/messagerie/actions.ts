"use server";

import { refresh } from "next/cache";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/access/current-actor";
import type { FormState } from "@/lib/form-state";
import { SAVE_ATTACHMENT_FIELDS, saveAttachmentToDocuments } from "@/lib/messaging/save-to-documents";
import { formFields, submittedForm } from "@/lib/validation";

/** « Ajouter à mes documents » on an attachment: a copy filed into Documents (saveAttachmentToDocuments decides). */
export async function saveAttachmentAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const actor = await requireActor();
  const fields = formFields(submittedForm(submitted));
  const values = {
    titre: (fields[SAVE_ATTACHMENT_FIELDS.title] ?? "").slice(0, 200),
    date: (fields[SAVE_ATTACHMENT_FIELDS.date] ?? "").slice(0, 20),
    categorie: (fields[SAVE_ATTACHMENT_FIELDS.category] ?? "").slice(0, 40),
    dossier: (fields[SAVE_ATTACHMENT_FIELDS.folder] ?? "").slice(0, 40),
  };
  const result = await saveAttachmentToDocuments({
    actor,
    conversationId: fields[SAVE_ATTACHMENT_FIELDS.conversation] ?? "",
    attachmentId: fields[SAVE_ATTACHMENT_FIELDS.attachment] ?? "",
    values: fields,
    now: new Date(),
  });
  switch (result.status) {
    case "not-found":
      notFound();
    case "refused":
      return { status: "error", message: "Cette pièce jointe ne peut pas être enregistrée : son contenu n'a pas pu être vérifié.", values };
    case "invalid":
      return { status: "error", fieldErrors: result.fieldErrors, values };
    case "saved":
      refresh();
      return { status: "success", message: "La pièce jointe a été ajoutée à vos documents." };
  }
}
