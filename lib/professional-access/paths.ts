/** The patient's pages of "Autorisations d'accès" (app/(espace)/(frame)/autorisations). */
export const AUTHORISATIONS_PATH = "/autorisations";
export const ACCESS_RIGHTS_DETAIL_PATH = "/autorisations/detail";

/** « Détail des droits d'accès » opened on one profession (its `profession` parameter). */
export function accessRightsDetailPath(professionCode: string): string {
  return `${ACCESS_RIGHTS_DETAIL_PATH}?profession=${encodeURIComponent(professionCode)}`;
}

/** The professional's pages on a patient's record (app/pro/(frame)/patients/[personId]). */
export function proPatientPath(personId: string): string {
  return `/pro/patients/${personId}`;
}

export function proAddDocumentPath(personId: string): string {
  return `${proPatientPath(personId)}/ajouter-document`;
}

/** Where a deposit leads: the record's page, which says the document was added. */
export const PRO_DOCUMENT_ADDED_STATUS = "document-ajoute";

/** A document's bytes for the professional, inline; `?telechargement=1` for a download. */
export function proDocumentFilePath(personId: string, documentId: string): string {
  return `${proPatientPath(personId)}/documents/${documentId}/fichier`;
}

/** The deposit's multipart post (a streamed upload: in STREAMED_UPLOAD_PATHS). */
export const PRO_UPLOAD_PATH = "/pro/televersement";

/** The deposit form's field names, shared by the form and its route handler (no zod here: the form is a client component). */
export const PRO_DEPOSIT_FIELDS = { file: "fichier", title: "titre", date: "date", category: "type", patient: "patient" } as const;
