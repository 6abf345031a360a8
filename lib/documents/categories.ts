import type { documentCategoryEnum } from "@/db/schema/documents";

export type DocumentCategory = (typeof documentCategoryEnum.enumValues)[number];

/** The words of the interface for each category code (reference mes-data-model §1.3). */
export const DOCUMENT_CATEGORY_LABELS: Record<DocumentCategory, string> = {
  SYNTHESE: "Ma santé en résumé",
  ORD_SOIN: "Ordonnances et soins",
  RADIO_SC: "Radio, écho, scanner, IRM",
  BIOLOGIE: "Résultats de biologie",
  CPT_REND: "Comptes rendus",
  DEPISTAG: "Prévention et dépistages",
  CERT_MED: "Certificats médicaux",
  DOC_ADM: "Pièces administratives",
  AUTR_DOC: "Autres documents",
  SYNTH_PML: "Synthèse médicale",
  DIR_ANT: "Directives anticipées",
};

/**
 * The categories a patient may choose when adding or re-categorising a document, in the order of
 * the list. "Synthèse médicale" and "Directives anticipées" are set by the service's own flows.
 */
export const PATIENT_DOCUMENT_CATEGORIES = [
  "SYNTHESE",
  "ORD_SOIN",
  "RADIO_SC",
  "BIOLOGIE",
  "CPT_REND",
  "DEPISTAG",
  "CERT_MED",
  "DOC_ADM",
  "AUTR_DOC",
] as const satisfies readonly DocumentCategory[];

export type PatientDocumentCategory = (typeof PATIENT_DOCUMENT_CATEGORIES)[number];

export function isPatientDocumentCategory(value: string): value is PatientDocumentCategory {
  return (PATIENT_DOCUMENT_CATEGORIES as readonly string[]).includes(value);
}
