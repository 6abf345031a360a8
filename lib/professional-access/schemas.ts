import { z } from "zod";
import { DOCUMENT_TYPES, type DocumentTypeCode } from "@/lib/documents/document-types";
import { documentDateField, documentTitleField } from "@/lib/documents/schemas";
import { EMERGENCY_REASON_MAX_LENGTH, EMERGENCY_REASON_MESSAGES, EMERGENCY_REASON_MIN_LENGTH } from "./emergency-rules";

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
