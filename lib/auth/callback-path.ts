/** Where a person lands after logging in when nothing else was asked for. */
export const DEFAULT_CALLBACK_PATH = "/accueil";

/** Set by the proxy on every request: the path (and query) asked for, so a page can send the person back to it. */
export const CURRENT_PATH_HEADER = "x-mes-current-path";

const MAX_LENGTH = 2048;
const PLACEHOLDER_ORIGIN = "http://callback.invalid";

/**
 * A path is safe when no browser or server could read it as another site: it starts with a
 * single "/", holds no backslash (browsers read it as "/"), no control character or space (URL
 * parsers drop tabs and newlines, so "/\t/evil" becomes "//evil"), and stays so once decoded.
 */
function isSafeRawPath(value: string): boolean {
  if (!value.startsWith("/") || value.startsWith("//")) return false;
  if (value.includes("\\")) return false;
  return !/[\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(value);
}

/** The path a browser would request for `value`, or null when it would leave the origin. */
function resolvePath(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Safe as written, and once resolved ("/a/../..//evil" resolves to "//evil"). */
function isSafeLayer(value: string): boolean {
  if (!isSafeRawPath(value)) return false;
  const resolved = resolvePath(value);
  return resolved !== null && isSafeRawPath(resolved);
}

/**
 * The path to send a person to after login: `value` when it is a same-origin path, else
 * "/accueil". Refuses absolute and protocol-relative URLs ("https://evil", "//evil", "/\evil"),
 * schemes ("javascript:…"), and any of these hidden behind percent-encoding, however deep: a
 * proxy or a framework further on may decode the path again.
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return DEFAULT_CALLBACK_PATH;
  let layer = value;
  for (let depth = 0; ; depth += 1) {
    if (!isSafeLayer(layer)) return DEFAULT_CALLBACK_PATH;
    let decoded: string;
    try {
      decoded = decodeURIComponent(layer);
    } catch {
      return DEFAULT_CALLBACK_PATH;
    }
    if (decoded === layer) break;
    // Encoded more deeply than any real link would be: only an attack looks like this.
    if (depth === 4) return DEFAULT_CALLBACK_PATH;
    layer = decoded;
  }
  return resolvePath(value) ?? DEFAULT_CALLBACK_PATH;
}
