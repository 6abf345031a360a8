import NextAuth, { type NextAuthRequest } from "next-auth";
import { type NextFetchEvent, type NextMiddleware, type NextRequest, NextResponse } from "next/server";
import { baseAuthConfig } from "@/lib/auth/auth.config";
import { CURRENT_PATH_HEADER } from "@/lib/auth/callback-path";

/**
 * A first filter only (CVE-2025-29927): without a session cookie, the patient's space redirects
 * to the login page, and back afterwards. Every page, action and route handler of the space still
 * checks the session itself against the database (requirePatient), which this never does.
 */
const { auth } = NextAuth(baseAuthConfig);

const SPACE_PREFIXES = [
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
  "/enfants",
];

function isSpacePath(pathname: string): boolean {
  return SPACE_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** Auth.js' middleware shape: with the event in its type, `auth()` wraps it as a proxy, not a route handler. */
type SessionMiddleware = (request: NextAuthRequest, event: NextFetchEvent) => ReturnType<NextMiddleware>;

const redirectWithoutSession: SessionMiddleware = (request) => {
  const { pathname, search } = request.nextUrl;
  if (isSpacePath(pathname) && !request.auth?.sessionId) {
    const login = request.nextUrl.clone();
    login.pathname = "/connexion";
    login.search = "";
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  // Lets a page send the person back where they were if its own session check fails.
  const headers = new Headers(request.headers);
  headers.set(CURRENT_PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
};

const guard = auth(redirectWithoutSession);

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  // With a configuration read per request, Auth.js hands the wrapped handler over asynchronously.
  const handle = await guard;
  return handle(request, event);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|api/auth|api/health|favicon.ico|icon.svg|robots.txt).*)"],
};
