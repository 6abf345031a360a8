/**
 * The first segment of every page of the signed-in space (app/(espace)/), and of those the next
 * features add: the proxy sends visitors without a session from them to the login page, and
 * robots.txt asks search engines to stay out. One list for both.
 */
export const SPACE_PREFIXES = [
  "/accueil",
  "/profil-medical",
  "/documents",
  "/messagerie",
  "/agenda",
  "/remboursements",
  "/catalogue",
  "/questionnaire",
  "/compte",
  "/autorisations",
  "/historique",
  "/historique-activite",
  "/enfants",
] as const;

export function isSpacePath(pathname: string): boolean {
  return SPACE_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}
