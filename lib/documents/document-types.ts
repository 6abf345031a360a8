import type { DocumentCategory } from "./categories";

/**
 * DMP document types (typeCode of the JDV_J66 value set: LOINC codes, and the French TRE_A05
 * codes) that this service knows, with the category the interface files them under. Source:
 * ANS terminologies, as quoted in ../shared/reference/mes-features.md (typeCode). The matrice
 * d'habilitations decides on these codes, profession by profession.
 */
export const DOCUMENT_TYPES = [
  // What a patient adds: one code per category (TRE_A05 "déposé par le patient").
  { code: "DOCPAT01", label: "Synthèse déposée par le patient", category: "SYNTHESE" },
  { code: "DOCPAT02", label: "Traitement ou document de soins déposé par le patient", category: "ORD_SOIN" },
  { code: "DOCPAT03", label: "Compte rendu déposé par le patient", category: "CPT_REND" },
  { code: "DOCPAT04", label: "Imagerie déposée par le patient", category: "RADIO_SC" },
  { code: "DOCPAT05", label: "Compte rendu de biologie déposé par le patient", category: "BIOLOGIE" },
  { code: "DOCPAT06", label: "Compte rendu de prévention déposé par le patient", category: "DEPISTAG" },
  { code: "DOCPAT07", label: "Certificat déposé par le patient", category: "CERT_MED" },
  { code: "DOCPAT08", label: "Profil médical Mon espace santé", category: "SYNTH_PML" },
  { code: "DOCPAT09", label: "Document administratif déposé par le patient", category: "DOC_ADM" },
  { code: "EXPPAT_2", label: "Autre document du patient", category: "AUTR_DOC" },
  { code: "EXPPAT_3", label: "Directives anticipées", category: "DIR_ANT" },
  // What professionals and establishments add (LOINC, TRE_A04).
  { code: "11488-4", label: "Compte rendu de consultation", category: "CPT_REND" },
  { code: "11490-0", label: "Lettre de liaison de sortie", category: "CPT_REND" },
  { code: "34112-3", label: "Compte rendu hospitalier (séjour)", category: "CPT_REND" },
  { code: "34874-8", label: "Compte rendu opératoire", category: "CPT_REND" },
  { code: "15507-7", label: "Compte rendu de passage aux urgences", category: "CPT_REND" },
  { code: "15508-5", label: "Compte rendu d'accouchement", category: "CPT_REND" },
  { code: "11506-3", label: "Fiche de suivi de soins par auxiliaire médical", category: "CPT_REND" },
  { code: "47420-5", label: "Compte rendu de bilan fonctionnel", category: "CPT_REND" },
  { code: "59283-2", label: "Compte rendu d'examen de l'enfant", category: "DEPISTAG" },
  { code: "34133-9", label: "Synthèse d'épisode de soins", category: "SYNTHESE" },
  { code: "60591-5", label: "Synthèse du dossier médical", category: "SYNTHESE" },
  { code: "11502-2", label: "Compte rendu d'examens biologiques", category: "BIOLOGIE" },
  { code: "18748-4", label: "Compte rendu d'imagerie médicale", category: "RADIO_SC" },
  { code: "57833-6", label: "Prescription de produits de santé", category: "ORD_SOIN" },
  { code: "57832-8", label: "Prescription de soins", category: "ORD_SOIN" },
  { code: "60593-1", label: "Dispensation médicamenteuse", category: "ORD_SOIN" },
  { code: "56445-0", label: "Bilan médicamenteux", category: "ORD_SOIN" },
  { code: "11369-6", label: "Historique des vaccinations", category: "DEPISTAG" },
  { code: "CERT_DECL", label: "Certificat, déclaration", category: "CERT_MED" },
  { code: "ATTEST-RESID", label: "Attestation de résidence", category: "DOC_ADM" },
] as const satisfies readonly { code: string; label: string; category: DocumentCategory }[];

export type DocumentTypeCode = (typeof DOCUMENT_TYPES)[number]["code"];

const PATIENT_DOCUMENT_TYPE_BY_CATEGORY: Record<DocumentCategory, DocumentTypeCode> = {
  SYNTHESE: "DOCPAT01",
  ORD_SOIN: "DOCPAT02",
  CPT_REND: "DOCPAT03",
  RADIO_SC: "DOCPAT04",
  BIOLOGIE: "DOCPAT05",
  DEPISTAG: "DOCPAT06",
  CERT_MED: "DOCPAT07",
  SYNTH_PML: "DOCPAT08",
  DOC_ADM: "DOCPAT09",
  AUTR_DOC: "EXPPAT_2",
  DIR_ANT: "EXPPAT_3",
};

/** The type of a document the patient (or the service, on their behalf) adds under a category. */
export function patientDocumentTypeOf(category: DocumentCategory): DocumentTypeCode {
  return PATIENT_DOCUMENT_TYPE_BY_CATEGORY[category];
}

export function isDocumentTypeCode(value: string): value is DocumentTypeCode {
  return DOCUMENT_TYPES.some((type) => type.code === value);
}

export function documentTypeOf(code: string): (typeof DOCUMENT_TYPES)[number] | undefined {
  return DOCUMENT_TYPES.find((type) => type.code === code);
}
