import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hasSessionCookie } from "./auth.config";
import { readSessionId } from "./session-cookie";

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

const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    has: (name: string) => jar.has(name),
  }),
}));

const COOKIE = "authjs.session-token";
const SESSION_ID = "0b7c0f4e-3f0a-4d1e-9c55-2d7e0c7b9a10";

async function sealedCookie({ secret = process.env.AUTH_SECRET ?? "", maxAge = 60 } = {}): Promise<string> {
  return encode({ token: { sessionId: SESSION_ID }, secret, salt: COOKIE, maxAge });
}

describe("readSessionId (the session id in the cookie, opened once per token and process)", () => {
  afterEach(() => {
    jar.clear();
    vi.useRealTimers();
  });

  it("reads the session id, and again from the same cookie", async () => {
    jar.set(COOKIE, await sealedCookie());
    expect(await readSessionId()).toBe(SESSION_ID);
    expect(await readSessionId()).toBe(SESSION_ID);
  });

  it("refuses a cookie sealed with another secret, or cut short", async () => {
    jar.set(COOKIE, await sealedCookie({ secret: "another-secret-that-is-long-enough-0123456789" }));
    expect(await readSessionId()).toBeUndefined();
    jar.set(COOKIE, (await sealedCookie()).slice(0, -5));
    expect(await readSessionId()).toBeUndefined();
  });

  it("refuses a cookie past its end, even one it opened before", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const sealedAt = new Date("2026-12-01T10:00:00Z");
    vi.setSystemTime(sealedAt);
    jar.set(COOKIE, await sealedCookie({ maxAge: 60 }));
    expect(await readSessionId()).toBe(SESSION_ID);
    // Two minutes on: past the minute it was sealed for and Auth.js' 15 seconds of clock tolerance.
    vi.setSystemTime(new Date(sealedAt.getTime() + 120_000));
    expect(await readSessionId()).toBeUndefined();
  });

  it("refuses a cookie it opened before once the secret has changed", async () => {
    jar.set(COOKIE, await sealedCookie());
    expect(await readSessionId()).toBe(SESSION_ID);
    vi.stubEnv("AUTH_SECRET", "a-new-secret-after-rotation-long-enough-0123456789");
    try {
      expect(await readSessionId()).toBeUndefined();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
