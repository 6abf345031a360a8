import { z } from "zod";
import { documentCategoryField, documentDateField, documentTitleField } from "@/lib/documents/schemas";
import { isUuid } from "@/lib/validation";
import { BODY_MAX_LENGTH, SUBJECT_MAX_LENGTH } from "./rules";

/** The form's field names, shared by the forms, the route handlers and the tests. */
export const MESSAGE_FIELDS = {
  subject: "objet",
  body: "message",
  attachments: "pieces-jointes",
  conversation: "conversation",
  patient: "patient",
  professional: "professionnel",
} as const;

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const subjectField = z
  .string({ error: "Saisissez un objet." })
  .trim()
  .min(1, "Saisissez un objet.")
  .max(SUBJECT_MAX_LENGTH, `L'objet ne peut pas dépasser ${SUBJECT_MAX_LENGTH} caractères.`)
  // The subject goes into the list, the page title and a notification: one line, no control character.
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "L'objet contient un caractère non autorisé.");

export const bodyField = z
  .string({ error: "Saisissez votre message." })
  .transform((value) => value.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, "Saisissez votre message.")
      .max(BODY_MAX_LENGTH, `Le message ne peut pas dépasser ${BODY_MAX_LENGTH} caractères.`)
      .refine((value) => !CONTROL_CHARACTERS.test(value), "Le message contient un caractère non autorisé."),
  );

export const newConversationSchema = z.object({ subject: subjectField, body: bodyField });
export const replySchema = z.object({ body: bodyField });

/** « Ajouter à mes documents »: the form's field names (the documents' own, and which attachment). */
export const SAVE_ATTACHMENT_FIELDS = {
  conversation: "conversation",
  attachment: "piece-jointe",
  title: "titre",
  date: "date",
  category: "categorie",
  folder: "dossier",
} as const;

/** Its details: the rules of a document's title, date and category (lib/documents/schemas.ts). */
export const saveAttachmentSchema = (now: Date) =>
  z.object({
    [SAVE_ATTACHMENT_FIELDS.title]: documentTitleField,
    [SAVE_ATTACHMENT_FIELDS.date]: documentDateField(now),
    [SAVE_ATTACHMENT_FIELDS.category]: documentCategoryField,
    [SAVE_ATTACHMENT_FIELDS.folder]: z
      .string()
      .optional()
      .transform((value) => (value ? value : null))
      .refine((value) => value === null || isUuid(value), "Choisissez un dossier de la liste."),
  });

/** Which attachment, and which conversation: anything but ids is simply not found. */
export const attachmentIdsSchema = z.object({
  [SAVE_ATTACHMENT_FIELDS.conversation]: z.string().refine(isUuid),
  [SAVE_ATTACHMENT_FIELDS.attachment]: z.string().refine(isUuid),
});

/** « Clore l'échange »: which conversation. */
export const conversationIdSchema = z.object({ [MESSAGE_FIELDS.conversation]: z.string().refine(isUuid) });
