import { z } from "zod";
import { DOCUMENT_TYPES, type DocumentTypeCode } from "@/lib/documents/document-types";
import { documentDateField, documentTitleField } from "@/lib/documents/schemas";
import { EMERGENCY_REASON_MAX_LENGTH, EMERGENCY_REASON_MESSAGES, EMERGENCY_REASON_MIN_LENGTH } from "./emergency-rules";

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

/** "Motif" of "Accès en urgence": typed by the professional, kept with the access. */
export const emergencyReasonSchema = z.object({
  reason: z
    .string({ error: EMERGENCY_REASON_MESSAGES.required })
    .trim()
    .min(1, EMERGENCY_REASON_MESSAGES.required)
    .min(EMERGENCY_REASON_MIN_LENGTH, EMERGENCY_REASON_MESSAGES.tooShort)
    .max(EMERGENCY_REASON_MAX_LENGTH, EMERGENCY_REASON_MESSAGES.tooLong),
});

/** The DMP types a professional files a document under: theirs, never a patient's own (DOCPAT…, EXPPAT…). */
export const PROFESSIONAL_DOCUMENT_TYPES = DOCUMENT_TYPES.filter((type) => !/^(DOCPAT|EXPPAT)/.test(type.code));

const PROFESSIONAL_TYPE_CODES: ReadonlySet<string> = new Set(PROFESSIONAL_DOCUMENT_TYPES.map((type) => type.code));

export function isProfessionalDocumentType(code: string): code is DocumentTypeCode {
  return PROFESSIONAL_TYPE_CODES.has(code);
}

/** The fields of a professional's deposit besides the file: title, date and document type. */
export const depositFieldsSchema = (now: Date) =>
  z.object({
    title: documentTitleField,
    documentDate: documentDateField(now),
    typeCode: z
      .string({ error: "Choisissez le type du document." })
      .refine(isProfessionalDocumentType, "Choisissez le type du document.")
      .transform((value) => value as DocumentTypeCode),
  });
