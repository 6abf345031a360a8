/** The patient's pages of "Autorisations d'accès" (app/(espace)/(frame)/autorisations). */
export const AUTHORISATIONS_PATH = "/autorisations";
export const ACCESS_RIGHTS_DETAIL_PATH = "/autorisations/detail";
