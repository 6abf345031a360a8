import { describe, expect, it } from "vitest";
import { hasSessionCookie } from "./auth.config";

describe("hasSessionCookie (the proxy's only question about the session)", () => {
  it("knows Auth.js' session cookie, over HTTP and HTTPS, whole or in chunks", () => {
    expect(hasSessionCookie(["authjs.session-token"])).toBe(true);
    expect(hasSessionCookie(["__Secure-authjs.session-token"])).toBe(true);
    expect(hasSessionCookie(["mes_connexion", "authjs.session-token.0", "authjs.session-token.1"])).toBe(true);
  });

  it("ignores every other cookie, look-alikes included", () => {
    expect(hasSessionCookie([])).toBe(false);
    expect(hasSessionCookie(["mes_connexion", "authjs.csrf-token", "authjs.callback-url"])).toBe(false);
    expect(hasSessionCookie(["xauthjs.session-token", "authjs.session-token-x", "authjs.session-token.a"])).toBe(false);
  });
});
