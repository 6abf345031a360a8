import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { getSettings } from "@/lib/env";

/**
 * The server-side session id this browser holds, read from Auth.js' session cookie, or
 * undefined. Decoding the cookie is all a request needs: Auth.js' `auth()` also builds its whole
 * request context (a CSRF token hashed on every call) and seals the token again, which on the
 * space's pages, read on every request, cost more than the page's own queries. The session's
 * lifetime is the server's (lib/auth/sessions.ts); the cookie only carries the id.
 */
export async function readSessionId(): Promise<string | undefined> {
  const { AUTH_SECRET, APP_ORIGIN } = getSettings();
  // The names Auth.js gives the cookie (auth.config.ts useSecureCookies); it splits a long one in chunks.
  const name = `${APP_ORIGIN.startsWith("https:") ? "__Secure-" : ""}authjs.session-token`;
  const jar = await cookies();
  let token = jar.get(name)?.value;
  if (!token) {
    const chunks: string[] = [];
    for (let index = 0; jar.has(`${name}.${index}`); index += 1) chunks.push(jar.get(`${name}.${index}`)?.value ?? "");
    token = chunks.join("") || undefined;
  }
  if (!token) return undefined;
  try {
    const payload = await decode({ token, secret: AUTH_SECRET, salt: name });
    return typeof payload?.sessionId === "string" ? payload.sessionId : undefined;
  } catch {
    // Sealed with another secret, truncated, or past its 12 hours: no session.
    return undefined;
  }
}
