import { z } from "zod";
import { toParisCalendarDate } from "@/lib/format";
import { isPatientDocumentCategory, type PatientDocumentCategory } from "@/lib/documents/categories";
import { parseFrenchDate } from "@/lib/validation";
import { documentRules } from "./rules";

/**
 * The fields of the Documents forms, checked on the server (every action is a public endpoint):
 * what a French user types comes back in its stored form, or a French message on the field.
 */

export const documentTitleField = z
  .string({ error: "Saisissez un titre." })
  .trim()
  .min(1, "Saisissez un titre.")
  .max(documentRules.titleMaxLength, `Le titre ne peut pas dépasser ${documentRules.titleMaxLength} caractères.`)
  // A title goes into headers (Content-Disposition) and file names: no control character.
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "Le titre contient un caractère non autorisé.");

/** "Date du document": JJ/MM/AAAA, a real day, not after today (in France). */
export const documentDateField = (now: Date) =>
  z
    .string({ error: "Saisissez la date du document." })
    .trim()
    .min(1, "Saisissez la date du document.")
    .transform((value, context) => {
      const parsed = parseFrenchDate(value);
      if (!parsed) {
        context.addIssue({ code: "custom", message: "La date du document doit être une date réelle au format JJ/MM/AAAA." });
        return z.NEVER;
      }
      if (parsed > toParisCalendarDate(now)) {
        context.addIssue({ code: "custom", message: "La date du document ne peut pas être dans le futur." });
        return z.NEVER;
      }
      return parsed;
    });

export const documentCategoryField = z
  .string({ error: "Choisissez une catégorie dans la liste." })
  .refine(isPatientDocumentCategory, "Choisissez une catégorie dans la liste.")
  .transform((value) => value as PatientDocumentCategory);

/** An id from a form: anything else is simply not found, never a database error. */
const idField = z.uuid({ error: "not-found" });

export const documentIdSchema = z.object({ documentId: idField });

/** Rename, re-date, re-categorise one's own upload. */
export const documentDetailsSchema = (now: Date) =>
  z.object({ documentId: idField, title: documentTitleField, documentDate: documentDateField(now), category: documentCategoryField });

/** "Masquer aux professionnels" / "Rendre visible", "Épingler" / "Désépingler": the button says which. */
const switchField = z.enum(["oui", "non"], { error: "not-found" }).transform((value) => value === "oui");

export const documentVisibilitySchema = z.object({ documentId: idField, isHidden: switchField });
export const documentPinSchema = z.object({ documentId: idField, isPinned: switchField });
export const allDocumentsVisibilitySchema = z.object({ isHidden: switchField });

/** The default for new documents: a checkbox, sent only when ticked. */
export const defaultVisibilitySchema = z.object({
  hideNewDocuments: z
    .literal("on", { error: "not-found" })
    .optional()
    .transform((value) => value === "on"),
});

export const documentReportSchema = z.object({
  documentId: idField,
  reason: z
    .string({ error: "Décrivez le problème." })
    .trim()
    .min(1, "Décrivez le problème.")
    .max(documentRules.reportReasonMaxLength, `La description ne peut pas dépasser ${documentRules.reportReasonMaxLength} caractères.`),
});

/** "Aucun dossier" is the empty choice. */
export const documentMoveSchema = z.object({
  documentId: idField,
  folderId: z.union([z.literal("").transform(() => null), idField], { error: "Choisissez un dossier dans la liste." }),
});

export const folderNameField = z
  .string({ error: "Saisissez le nom du dossier." })
  .trim()
  .min(1, "Saisissez le nom du dossier.")
  .max(documentRules.folderNameMaxLength, `Le nom du dossier ne peut pas dépasser ${documentRules.folderNameMaxLength} caractères.`);

export const folderCreateSchema = z.object({ name: folderNameField });
export const folderRenameSchema = z.object({ folderId: idField, name: folderNameField });
export const folderIdSchema = z.object({ folderId: idField });
