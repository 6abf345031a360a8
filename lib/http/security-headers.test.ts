import { describe, expect, it } from "vitest";
import {
  buildContentSecurityPolicy,
  createNonce,
  staticSecurityHeaders,
} from "./security-headers";

describe("createNonce", () => {
  it("gives 128 random bits in base64, never twice the same", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => createNonce()));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("buildContentSecurityPolicy", () => {
  it("allows only the nonce's scripts and styles, and no framing, in production", () => {
    const policy = buildContentSecurityPolicy("abc123==", { isDevelopment: false, isHttps: true });
    const directives = Object.fromEntries(policy.split("; ").map((directive) => [directive.split(" ")[0], directive]));
    expect(directives["script-src"]).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(directives["style-src"]).toBe("style-src 'self' 'nonce-abc123=='");
    expect(directives["frame-ancestors"]).toBe("frame-ancestors 'none'");
    expect(directives["object-src"]).toBe("object-src 'none'");
    expect(directives["base-uri"]).toBe("base-uri 'none'");
    expect(directives["form-action"]).toBe("form-action 'self'");
    expect(directives["upgrade-insecure-requests"]).toBe("upgrade-insecure-requests");
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).not.toContain("unsafe-eval");
  });

  it("keeps plain-http subresources on an http origin, and lets React's dev tools eval in development", () => {
    expect(buildContentSecurityPolicy("n", { isDevelopment: false, isHttps: false })).not.toContain("upgrade-insecure-requests");
    expect(buildContentSecurityPolicy("n", { isDevelopment: true, isHttps: false })).toContain("'unsafe-eval'");
  });
});

describe("staticSecurityHeaders", () => {
  it("sends HSTS from production builds only", () => {
    expect(staticSecurityHeaders({ isProduction: true })["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(staticSecurityHeaders({ isProduction: false })).not.toHaveProperty("Strict-Transport-Security");
  });

  it("forbids sniffing and framing, and trims the referrer", () => {
    expect(staticSecurityHeaders({ isProduction: false })).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });
});
