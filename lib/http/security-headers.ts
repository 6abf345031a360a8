/**
 * The security headers of every response, set by the proxy (proxy.ts) in one place. Pure
 * functions of their inputs, so that the proxy, the unit tests and the attack suite
 * (tests/security) agree on one definition. See docs/decisions/0006-security-suite.md.
 */

/** Where the policy is served: decides the few directives that differ between environments. */
export type PolicyContext = {
  /** `next dev` only: React needs eval there to rebuild server error stacks. */
  isDevelopment: boolean;
  /** The public origin is https: plain-http subresources get upgraded. */
  isHttps: boolean;
};

/** The request header Next.js reads the nonce from while rendering (it also reads it from the CSP itself). */
export const NONCE_HEADER = "x-nonce";

/**
 * A fresh nonce for one response: 128 random bits in base64, unguessable, never reused (CSP
 * Level 3 asks for at least 128 bits).
 */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The Content-Security-Policy of a page, with its per-request nonce: only scripts and styles
 * carrying the nonce (Next.js adds it to its own) run, scripts they load inherit the trust
 * ('strict-dynamic'), nothing may frame the page (clickjacking), forms post only here, and
 * plugins and <base> tricks are off.
 */
export function buildContentSecurityPolicy(nonce: string, { isDevelopment, isHttps }: PolicyContext): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Two years, the value HSTS preload lists ask for. */
const HSTS_MAX_AGE_SECONDS = 63_072_000;

/**
 * Headers that do not depend on the request. HSTS is sent by production builds only: browsers
 * ignore it over plain http (RFC 6797 §8.1), and a developer's `localhost` must not be pinned to https.
 */
export function staticSecurityHeaders({ isProduction }: { isProduction: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // Older browsers that ignore frame-ancestors.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ...(isProduction ? { "Strict-Transport-Security": `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains` } : {}),
  };
}

/**
 * A document's file (/documents/<id>/fichier), which its own page shows in a sandboxed preview
 * frame: the one answer this site's pages may frame. Every other answer refuses any frame.
 */
const FRAMEABLE_BY_OWN_PAGES = /^\/documents\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/fichier$/i;

export function isFrameableByOwnPages(pathname: string): boolean {
  return FRAMEABLE_BY_OWN_PAGES.test(pathname);
}

/** Lets this site's own pages, and only them, frame an answer (both the old header and the CSP directive). */
export function allowFramingByOwnPages(headers: Headers): void {
  headers.set("X-Frame-Options", "SAMEORIGIN");
  const policy = headers.get("Content-Security-Policy");
  if (policy) headers.set("Content-Security-Policy", policy.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
}

/** Pages that show a signed-in person's data: no copy may stay in a browser's or a proxy's cache. */
export const PRIVATE_CACHE_CONTROL = "private, no-cache, no-store, max-age=0, must-revalidate";

/** Sets every static header on `headers` (a response's), replacing any earlier value. */
export function applyStaticSecurityHeaders(headers: Headers, options: { isProduction: boolean }): void {
  for (const [name, value] of Object.entries(staticSecurityHeaders(options))) headers.set(name, value);
}
