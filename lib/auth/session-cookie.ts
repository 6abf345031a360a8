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
  return openToken(token, { secret: AUTH_SECRET, salt: name }, Date.now());
}

type OpenedToken = { sessionId: string; secret: string; expiresAtMs: number };

/**
 * Tokens this process has already opened, newest last (a Map keeps insertion order), at most
 * OPENED_TOKENS_LIMIT. A signed-in person sends the same cookie with every request, and opening
 * it (a key derived with HKDF, then decrypted and authenticated) was the largest piece of
 * cryptography on a space page (docs/decisions/0016-hot-path.md). Only tokens that opened are
 * kept, with their own expiry: the cache answers nothing the decoding would not, and whether the
 * session is still live is the database's question on every request anyway (findLiveSession).
 */
const openedTokens = new Map<string, OpenedToken>();
const OPENED_TOKENS_LIMIT = 5_000;

async function openToken(token: string, { secret, salt }: { secret: string; salt: string }, nowMs: number): Promise<string | undefined> {
  const known = openedTokens.get(token);
  if (known) {
    openedTokens.delete(token);
    // Opened with another secret (the settings changed) or past its end: decoded again below, or refused.
    if (known.secret === secret && known.expiresAtMs > nowMs) {
      openedTokens.set(token, known);
      return known.sessionId;
    }
  }
  // Sealed with another secret, truncated, or past its 12 hours: no session.
  const payload = await decode({ token, secret, salt }).catch(() => null);
  const sessionId = payload?.sessionId;
  if (typeof sessionId !== "string") return undefined;
  if (typeof payload?.exp === "number") {
    openedTokens.set(token, { sessionId, secret, expiresAtMs: payload.exp * 1000 });
    const oldest = openedTokens.keys().next();
    if (openedTokens.size > OPENED_TOKENS_LIMIT && !oldest.done) openedTokens.delete(oldest.value);
  }
  return sessionId;
}
