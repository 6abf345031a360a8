import { DOCUMENT_TYPES, type DocumentTypeCode } from "@/lib/documents/document-types";
import { PROFESSIONS, type ProfessionCode } from "@/lib/professionals/professions";

/**
 * The default matrice d'habilitations: which document types each profession may read, until the
 * official table (annex of the arrêté du 26 octobre 2023) is loaded with
 * `npm run access-matrix:import`. Written as what each profession may NOT read, because the public
 * rules are stated that way ("all documents except …"); every other pair is accessible. Where each
 * rule comes from, and which ones are this project's own reading: docs/decisions/0018-access-matrix.md.
 */

/** What no health profession reads: the residence certificate is for social and medico-social workers. */
const NOT_FOR_HEALTH_PROFESSIONS = ["ATTEST-RESID"] as const satisfies readonly DocumentTypeCode[];

/**
 * What the auxiliaries and the other health professions (neither doctors, dentists nor midwives)
 * do not read: advance directives (written for the doctors who decide at the end of life, CSP
 * L.1111-11) and the birth report (the reference's example: a podiatrist does not see it).
 */
const NOT_FOR_OTHER_HEALTH_PROFESSIONS = [...NOT_FOR_HEALTH_PROFESSIONS, "EXPPAT_3", "15508-5"] as const satisfies readonly DocumentTypeCode[];

/** Pharmacists and nurses: "somewhat more restricted" than doctors — no operative or birth report, no advance directives, no child examination. */
const NOT_FOR_PHARMACISTS_AND_NURSES = [
  ...NOT_FOR_HEALTH_PROFESSIONS,
  "EXPPAT_3",
  "15508-5",
  "34874-8",
  "59283-2",
] as const satisfies readonly DocumentTypeCode[];

export const DEFAULT_EXCLUSIONS: Record<ProfessionCode, readonly DocumentTypeCode[]> = {
  // Médecins: every document but the residence certificate.
  "10": NOT_FOR_HEALTH_PROFESSIONS,
  "21": NOT_FOR_PHARMACISTS_AND_NURSES,
  "26": NOT_FOR_OTHER_HEALTH_PROFESSIONS,
  "28": NOT_FOR_OTHER_HEALTH_PROFESSIONS,
  // Chirurgiens-dentistes: not advance directives (reference), nor the birth report, the
  // discharge letter (the reference's "lettres de liaison" on leaving a structure) or the
  // residence certificate.
  "40": [...NOT_FOR_HEALTH_PROFESSIONS, "EXPPAT_3", "15508-5", "11490-0"],
  // Sages-femmes: a medical profession, like doctors.
  "50": NOT_FOR_HEALTH_PROFESSIONS,
  "60": NOT_FOR_PHARMACISTS_AND_NURSES,
  "70": NOT_FOR_OTHER_HEALTH_PROFESSIONS,
  "80": NOT_FOR_OTHER_HEALTH_PROFESSIONS,
  "91": NOT_FOR_OTHER_HEALTH_PROFESSIONS,
  "92": NOT_FOR_OTHER_HEALTH_PROFESSIONS,
  "93": NOT_FOR_OTHER_HEALTH_PROFESSIONS,
  "94": NOT_FOR_OTHER_HEALTH_PROFESSIONS,
  "95": NOT_FOR_OTHER_HEALTH_PROFESSIONS,
  "96": NOT_FOR_OTHER_HEALTH_PROFESSIONS,
  "98": NOT_FOR_OTHER_HEALTH_PROFESSIONS,
};

export type AccessMatrixEntry = { professionCode: string; documentTypeCode: string; isAccessible: boolean };

/** Every profession × every document type, each with its default answer: the rows the table starts with. */
export function defaultAccessMatrix(): AccessMatrixEntry[] {
  return PROFESSIONS.flatMap(({ code }) =>
    DOCUMENT_TYPES.map((type) => ({
      professionCode: code,
      documentTypeCode: type.code,
      isAccessible: !DEFAULT_EXCLUSIONS[code].includes(type.code),
    })),
  );
}
