/** The addresses of the "Remboursements" section (navigation, Accueil, the export link). */
export const REIMBURSEMENTS_PATH = "/remboursements";
export const HEALTH_HISTORY_PATH = "/remboursements/histoire-de-sante";
export const REIMBURSEMENTS_EXPORT_PATH = "/remboursements/export";
