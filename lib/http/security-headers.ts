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

/**
 * A document's own bytes, shown in the preview frame or downloaded: the patient's
 * "/documents/<id>/fichier" and the professional's "/pro/patients/<personId>/documents/<id>/fichier".
 */
const DOCUMENT_CONTENT_PATH = /^(?:\/pro\/patients\/[^/]+)?\/documents\/[^/]+\/fichier$/;

export function isDocumentContentPath(pathname: string): boolean {
  return DOCUMENT_CONTENT_PATH.test(pathname);
}

/**
 * The policy of a patient's uploaded file served from our origin: nothing in it may load or run
 * anything, and only our own pages may frame it (the preview). Images and text are also
 * sandboxed (an opaque origin, no script, no form). PDF cannot be: browsers refuse to run
 * their PDF viewer in a sandbox, and that viewer runs apart from the page's origin anyway;
 * default-src 'none' still keeps it from reaching anything.
 */
export function buildDocumentContentPolicy({ isSandboxed }: { isSandboxed: boolean }): string {
  return [
    "default-src 'none'",
    "img-src 'self'",
    "object-src 'self'",
    "style-src 'unsafe-inline'",
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    ...(isSandboxed ? ["sandbox"] : []),
  ].join("; ");
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

/** Pages that show a signed-in person's data: no copy may stay in a browser's or a proxy's cache. */
export const PRIVATE_CACHE_CONTROL = "private, no-cache, no-store, max-age=0, must-revalidate";

/** Sets every static header on `headers` (a response's), replacing any earlier value. */
export function applyStaticSecurityHeaders(headers: Headers, options: { isProduction: boolean }): void {
  for (const [name, value] of Object.entries(staticSecurityHeaders(options))) headers.set(name, value);
}
