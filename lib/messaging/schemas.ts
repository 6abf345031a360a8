import { z } from "zod";
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
