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

/** The professionals' portal (app/pro/): its own login page, the rest behind a professional session. */
export const PRO_PREFIX = "/pro";
export const PRO_LOGIN_PATH = "/pro/connexion";

export function isProPath(pathname: string): boolean {
  return pathname === PRO_PREFIX || pathname.startsWith(`${PRO_PREFIX}/`);
}

/** A page of the portal that needs a professional session: every one but the login pages. */
export function isProSessionPath(pathname: string): boolean {
  return isProPath(pathname) && pathname !== PRO_LOGIN_PATH && !pathname.startsWith(`${PRO_LOGIN_PATH}/`);
}
