/**
 * Requests the proxy turns away before Next.js sees them (docs/decisions/0006-security-suite.md).
 * A first filter only: every page, action and route handler still checks who is asking.
 */

export type RequestRefusal = { status: 400 | 403 | 404; message: string };

export type RequestFilterContext = {
  /** The app's public origin (APP_ORIGIN): the only one its forms post from, and the only host it answers to. */
  appOrigin: string;
  /** `next dev`: any host, and forms posted from the host the page was served on. */
  isDevelopment: boolean;
};

type FilteredRequest = { method: string; pathname: string; search?: string; headers: Headers };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Load balancers probe it by address, under whatever Host they like; it answers no link, no redirect. */
const HOST_CHECK_EXEMPT_PATHS = new Set(["/api/health"]);

const FORBIDDEN: RequestRefusal = { status: 403, message: "Requête refusée." };
const UNKNOWN_HOST: RequestRefusal = { status: 400, message: "Hôte non reconnu." };
const MALFORMED: RequestRefusal = { status: 400, message: "Requête mal formée." };
const CLOSED: RequestRefusal = { status: 404, message: "Page introuvable." };

/**
 * The app signs in and out on the server (signIn/signOut in its actions call Auth.js directly):
 * of Auth.js' HTTP endpoints only the JSON ones a client-side session helper would read stay
 * open. The others (signin, signout, callback, error pages) redirect with values taken from the
 * request, answer 500 on some of them, and duplicate the login: closed.
 */
const OPEN_AUTH_ENDPOINTS = new Set(["GET /api/auth/session", "POST /api/auth/session", "GET /api/auth/csrf", "GET /api/auth/providers"]);

function isClosedAuthEndpoint(method: string, pathname: string): boolean {
  return pathname.startsWith("/api/auth/") && !OPEN_AUTH_ENDPOINTS.has(`${method.toUpperCase()} ${pathname}`);
}

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

/** "%00", a NUL once decoded. */
const NUL_ESCAPE = /%00/i;

/** A NUL character, raw or as a JSON escape: no text the app stores or looks up may hold one (PostgreSQL refuses it). */
const NUL_CHARACTER = /\u0000|\\u0000/;

function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
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
 * - a path whose percent-encoding does not decode (400): Next.js throws on it while matching a
 *   dynamic segment ([id], [...nextauth]) and answers 500;
 * - a NUL character in the path or the query (400): PostgreSQL refuses it in any text, so a
 *   query that carried it would fail with a 500;
 * - Auth.js' HTTP endpoints the app does not use (404);
 * - in production, a Host or X-Forwarded-Host other than APP_ORIGIN's (400): nothing the app
 *   answers — redirects, Auth.js URLs — may be built for another site;
 * - a state-changing method (POST, …) sent from another site: an Origin other than APP_ORIGIN,
 *   malformed or "null", or a browser's Sec-Fetch-Site other than same-origin (403). Next.js
 *   would otherwise answer a foreign Origin on a server action with a 500, and a malformed one
 *   with an exception. A request without Origin comes from no browser (they all send it on
 *   POST) and carries no one's cookies but its author's: it goes on, and meets the same checks
 *   as everyone inside.
 */
export function findRequestRefusal({ method, pathname, search = "", headers }: FilteredRequest, context: RequestFilterContext): RequestRefusal | null {
  if (hasInternalHeader(headers)) return FORBIDDEN;
  if (!isDecodablePath(pathname) || NUL_ESCAPE.test(pathname) || NUL_ESCAPE.test(search)) return MALFORMED;
  if (isClosedAuthEndpoint(method, pathname)) return CLOSED;
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

/** Route handlers that read a multipart upload themselves, as a stream (lib/documents/upload-request.ts). */
export const STREAMED_UPLOAD_PATHS: ReadonlySet<string> = new Set([
  "/documents/televersement",
  "/profil-medical/directives-anticipees/televersement",
  "/pro/televersement",
  "/messagerie/envoi",
  "/pro/messagerie/envoi",
]);

/** Parts of React's encoding of a server action's arguments that hold JSON: the numbered parts ("0" is the argument list) and a form's bound arguments. */
const JSON_PART = /^(?:\d+|(?:.*_)?\$ACTION_\d+:\d+)$/;

/**
 * The names React gives the parts of a server action's multipart body: numbered parts, and a
 * form's fields under the prefix "_<id>_" its argument list points to ("$K<id>"). React's decoder
 * throws on a stray part (an empty name, "__proto__", …), which Next.js answers with a 500.
 */
const ACTION_PART_NAME = /^(?:\d+$|_[0-9a-f]+_)/;

/** Whether `text` parses as JSON, as React's decoder will try it. */
export function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function isJsonArray(text: unknown): boolean {
  if (typeof text !== "string") return false;
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

/**
 * A server action's body that Next.js could not even decode: React encodes the arguments as JSON
 * text, or as multipart form data whose JSON parts must parse. Next.js answers anything else with
 * a 500 (a JSON syntax error, a truncated form, a stray part); here it is a 400 before it gets
 * there. Plain (JavaScript-less) form posts to a page are multipart too and get the same check;
 * any other multipart post must at least parse. A NUL character in a field is refused too:
 * PostgreSQL cannot store or compare it, and the query that met it would fail with a 500. What
 * decodes but makes no sense is for each action to refuse: it validates its fields itself.
 */
export async function findActionBodyRefusal(request: Request): Promise<RequestRefusal | null> {
  if (request.method.toUpperCase() !== "POST") return null;
  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  const isAction = request.headers.has("next-action");
  // An upload's handler reads its body as a stream with its own limits: parsing it here would hold it whole in memory.
  if (!isAction && STREAMED_UPLOAD_PATHS.has(new URL(request.url).pathname)) return null;
  const isMultipart = contentType.startsWith("multipart/form-data");
  if (!isAction && !isMultipart) return null;
  try {
    if (!isMultipart) {
      if (!contentType.startsWith("text/plain")) return MALFORMED;
      const text = await request.clone().text();
      return isJsonArray(text) && !NUL_CHARACTER.test(text) ? null : MALFORMED;
    }
    // Any multipart post must at least parse: Next.js reads one sent to a page as a form action.
    const form = await request.clone().formData();
    if (!isAction && new URL(request.url).pathname.startsWith("/api/")) return null;
    for (const [name, value] of form) {
      if (isAction && !ACTION_PART_NAME.test(name)) return MALFORMED;
      if (typeof value === "string" && NUL_CHARACTER.test(value)) return MALFORMED;
      // A part that is a file is a Blob argument, not JSON.
      if (JSON_PART.test(name) && typeof value === "string" && !isJson(value)) return MALFORMED;
    }
    if (isAction && !isJsonArray(form.get("0"))) return MALFORMED;
    return null;
  } catch {
    return MALFORMED;
  }
}
