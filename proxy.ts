import { type NextRequest, NextResponse } from "next/server";
import { hasSessionCookie } from "@/lib/auth/auth.config";
import { CURRENT_PATH_HEADER } from "@/lib/auth/callback-path";
import { getSettings } from "@/lib/env";
import { findActionBodyRefusal, findRequestRefusal } from "@/lib/http/request-filter";
import { PRO_LOGIN_PATH, isProPath, isProSessionPath, isSpacePath } from "@/lib/http/space-paths";
import {
  NONCE_HEADER,
  PRIVATE_CACHE_CONTROL,
  applyStaticSecurityHeaders,
  buildContentSecurityPolicy,
  buildDocumentContentPolicy,
  createNonce,
  isDocumentContentPath,
} from "@/lib/http/security-headers";

/**
 * A first filter only (CVE-2025-29927): it turns away forged and cross-site requests, sets the
 * security headers of every response (a fresh CSP nonce for each), and, without a session
 * cookie, sends the patient's space to the login page and back afterwards. It does not even
 * open the cookie: every page, action and route handler of the space decodes it and checks the
 * session against the database itself (requireActor), so decoding it here too (and re-sealing it
 * on every request, as Auth.js' middleware does) only cost each request twice the cryptography.
 * See docs/decisions/0006-security-suite.md and 0009-actor-model.md.
 */

/** Built scripts, styles and images: the same bytes for everyone, no nonce to give, no session to look at. */
function isStaticAsset(pathname: string): boolean {
  return pathname.startsWith("/_next/static/") || pathname.startsWith("/_next/image");
}

/** For answers that are no page: nothing may run in them or frame them. */
const NO_CONTENT_POLICY = "default-src 'none'; frame-ancestors 'none'";

const isProduction = process.env.NODE_ENV === "production";

/** A fresh nonce and the policy that names it, for one response. */
function createPolicy(appOrigin: string): { nonce: string; csp: string } {
  const nonce = createNonce();
  const context = { isDevelopment: process.env.NODE_ENV === "development", isHttps: appOrigin.startsWith("https:") };
  return { nonce, csp: buildContentSecurityPolicy(nonce, context) };
}

/** Headers every answer carries, the page's own policy included; the space's pages are never cached. */
function secure(response: NextResponse, { csp, pathname }: { csp: string; pathname: string }): NextResponse {
  applyStaticSecurityHeaders(response.headers, { isProduction });
  if (isDocumentContentPath(pathname)) {
    // A document's bytes: framed by our preview only, nothing in them runs. Passed on to its route
    // handler, the policy is the handler's to set, by the document's type (a PDF's viewer cannot
    // run sandboxed): one set here too would compete with it for the answer. The proxy's own
    // answers on this path (a redirect, a refusal) get the strictest.
    response.headers.set("X-Frame-Options", "SAMEORIGIN");
    if (response.headers.get("x-middleware-next") !== "1") {
      response.headers.set("Content-Security-Policy", buildDocumentContentPolicy({ isSandboxed: true }));
    }
  } else {
    response.headers.set("Content-Security-Policy", csp);
  }
  if (isSpacePath(pathname) || isProPath(pathname)) response.headers.set("Cache-Control", PRIVATE_CACHE_CONTROL);
  // A document's bytes leave as they were stored, not gzipped by Next on the way out (the route
  // handler says so too: whichever value the answer keeps carries no-transform).
  if (isDocumentContentPath(pathname)) response.headers.set("Cache-Control", `${PRIVATE_CACHE_CONTROL}, no-transform`);
  return response;
}

/** The policy travels to the renderer in the request headers: Next.js reads the nonce there and puts it on its scripts. */
function forwardWithPolicy(request: NextRequest, csp: string, nonce: string): NextResponse {
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  // Lets a page send the person back where they were if its own session check fails.
  headers.set(CURRENT_PATH_HEADER, `${pathname}${search}`);
  headers.set(NONCE_HEADER, nonce);
  headers.set("Content-Security-Policy", csp);
  return NextResponse.next({ request: { headers } });
}

function redirectWithoutSession(request: NextRequest, appOrigin: string): NextResponse {
  const { pathname, search } = request.nextUrl;
  const { nonce, csp } = createPolicy(appOrigin);
  const cookieNames = request.cookies.getAll().map((cookie) => cookie.name);
  if (isSpacePath(pathname) && !hasSessionCookie(cookieNames)) {
    // Built on APP_ORIGIN, never on the request's Host: a redirect cannot be aimed at another site.
    const login = new URL("/connexion", appOrigin);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return secure(NextResponse.redirect(login), { csp, pathname });
  }
  if (isProSessionPath(pathname) && !hasSessionCookie(cookieNames)) {
    return secure(NextResponse.redirect(new URL(PRO_LOGIN_PATH, appOrigin)), { csp, pathname });
  }
  return secure(forwardWithPolicy(request, csp, nonce), { csp, pathname });
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const settings = getSettings();
  const refusal =
    findRequestRefusal(
      { method: request.method, pathname, search: request.nextUrl.search, headers: request.headers },
      { appOrigin: settings.APP_ORIGIN, isDevelopment: process.env.NODE_ENV === "development" },
    ) ?? (await findActionBodyRefusal(request));
  if (refusal) {
    const response = new NextResponse(refusal.message, {
      status: refusal.status,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
    return secure(response, { csp: NO_CONTENT_POLICY, pathname });
  }
  if (isStaticAsset(pathname)) return secure(NextResponse.next(), { csp: NO_CONTENT_POLICY, pathname });
  // Auth.js' own routes and the health check need no session lookup here, only the headers.
  if (pathname.startsWith("/api/")) {
    const { nonce, csp } = createPolicy(settings.APP_ORIGIN);
    return secure(forwardWithPolicy(request, csp, nonce), { csp, pathname });
  }
  return redirectWithoutSession(request, settings.APP_ORIGIN);
}

export const config = {
  // Everything: refusals and headers apply to every response, static files included.
  matcher: ["/:path*"],
};
