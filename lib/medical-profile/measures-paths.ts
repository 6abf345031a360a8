import type { MeasureKind } from "./measures";

/** The pages of "Mesures", in one place for the links, the redirects and the tests. */
export const MEASUREMENTS_PATH = "/profil-medical/mesures";
export const ADD_MEASUREMENT_PATH = `${MEASUREMENTS_PATH}/ajouter`;

/** The history page of one measure: /profil-medical/mesures/poids. */
export function measurementHistoryPath(kind: Pick<MeasureKind, "slug">): string {
  return `${MEASUREMENTS_PATH}/${kind.slug}`;
}

/** "Ajouter une mesure" with a type already chosen. */
export function addMeasurementPath(kind: Pick<MeasureKind, "slug">): string {
  return `${ADD_MEASUREMENT_PATH}?type=${kind.slug}`;
}

/** The query parameter that tells a history page what was just done, after a redirect. */
export const MEASUREMENT_STATUS_PARAMETER = "statut";

/** What a history page says after each write, by the value of MEASUREMENT_STATUS_PARAMETER. */
export const MEASUREMENT_STATUS_MESSAGES = {
  "mesure-ajoutee": "La mesure a été enregistrée.",
  "mesure-supprimee": "La mesure a été supprimée.",
  "objectif-enregistre": "L'objectif a été enregistré.",
  "objectif-supprime": "L'objectif a été supprimé.",
} as const;

export type MeasurementStatus = keyof typeof MEASUREMENT_STATUS_MESSAGES;

export function measurementStatusMessage(value: unknown): string | null {
  return typeof value === "string" && Object.hasOwn(MEASUREMENT_STATUS_MESSAGES, value)
    ? MEASUREMENT_STATUS_MESSAGES[value as MeasurementStatus]
    : null;
}
