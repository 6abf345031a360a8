/**
 * Requests the proxy turns away before Next.js sees them (docs/decisions/0006-security-suite.md).
 * A first filter only: every page, action and route handler still checks who is asking.
 */

export type RequestRefusal = { status: 400 | 403; message: string };

export type RequestFilterContext = {
  /** The app's public origin (APP_ORIGIN): the only one its forms post from, and the only host it answers to. */
  appOrigin: string;
  /** `next dev`: any host, and forms posted from the host the page was served on. */
  isDevelopment: boolean;
};

type FilteredRequest = { method: string; pathname: string; headers: Headers };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Load balancers probe it by address, under whatever Host they like; it answers no link, no redirect. */
const HOST_CHECK_EXEMPT_PATHS = new Set(["/api/health"]);

const FORBIDDEN: RequestRefusal = { status: 403, message: "Requête refusée." };
const UNKNOWN_HOST: RequestRefusal = { status: 400, message: "Hôte non reconnu." };

/**
 * Next.js' own signalling between its proxy and its server travels in `x-middleware-*` headers;
 * a client never sends one. `x-middleware-subrequest` let anyone skip the proxy entirely
 * (CVE-2025-29927), so any such header is refused, whatever the Next.js version.
 */
function hasInternalHeader(headers: Headers): boolean {
  for (const name of headers.keys()) {
    if (name.startsWith("x-middleware-")) return true;
  }
  return false;
}

/**
 * The host the request claims to be for. Next.js copies Host into X-Forwarded-Host when a
 * reverse proxy did not set it, and reads that copy first, as Auth.js does: that is the one to check.
 */
function claimedHost(headers: Headers): string | null {
  return headers.get("x-forwarded-host") ?? headers.get("host");
}

function isKnownHost(headers: Headers, appHost: string): boolean {
  const host = claimedHost(headers);
  const proto = headers.get("x-forwarded-proto");
  const isKnownProto = proto === null || proto === "http" || proto === "https";
  return isKnownProto && host !== null && host.toLowerCase() === appHost;
}

/**
 * Origins allowed to post here. Browsers serialise an Origin exactly (lower-case scheme and host,
 * no default port, no path), so anything but an exact match is foreign or malformed, "null" included.
 */
function allowedOrigins(headers: Headers, { appOrigin, isDevelopment }: RequestFilterContext): string[] {
  const origins = [new URL(appOrigin).origin];
  const host = claimedHost(headers);
  if (isDevelopment && host) origins.push(`${headers.get("x-forwarded-proto") ?? "http"}://${host}`);
  return origins;
}

/**
 * Why this request must not reach the app, or null when it may:
 * - a Next.js-internal header (403);
 * - in production, a Host or X-Forwarded-Host other than APP_ORIGIN's (400): nothing the app
 *   answers — redirects, Auth.js URLs — may be built for another site;
 * - a state-changing method (POST, …) sent from another site: an Origin other than APP_ORIGIN,
 *   malformed or "null", or a browser's Sec-Fetch-Site other than same-origin (403). Next.js
 *   would otherwise answer a foreign Origin on a server action with a 500, and a malformed one
 *   with an exception. A request without Origin comes from no browser (they all send it on
 *   POST) and carries no one's cookies but its author's: it goes on, and meets the same checks
 *   as everyone inside.
 */
export function findRequestRefusal({ method, pathname, headers }: FilteredRequest, context: RequestFilterContext): RequestRefusal | null {
  if (hasInternalHeader(headers)) return FORBIDDEN;
  if (!context.isDevelopment && !HOST_CHECK_EXEMPT_PATHS.has(pathname) && !isKnownHost(headers, new URL(context.appOrigin).host)) {
    return UNKNOWN_HOST;
  }
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") return FORBIDDEN;
  const origin = headers.get("origin");
  if (origin !== null && !allowedOrigins(headers, context).includes(origin)) return FORBIDDEN;
  return null;
}
