import { describe, expect, it } from "vitest";
import { generateNumericCode, generateProvisionalCode, hashCode, isSameHash, normalizeProvisionalCode } from "./secrets";

describe("provisional codes", () => {
  it("are 8 characters without look-alikes, shown as two groups of four", () => {
    const codes = Array.from({ length: 500 }, generateProvisionalCode);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("are hashed with the purpose, and compared in constant time", () => {
    const code = normalizeProvisionalCode("k7qw-3mzp");
    expect(code).toBe("K7QW3MZP");
    expect(hashCode("provisional-code", code)).not.toBe(hashCode("contact-verification", code));
    expect(isSameHash(hashCode("provisional-code", code), hashCode("provisional-code", "K7QW3MZP"))).toBe(true);
    expect(isSameHash(hashCode("provisional-code", code), hashCode("provisional-code", "K7QW3MZQ"))).toBe(false);
  });

  it("numeric codes have the requested length", () => {
    expect(generateNumericCode(6)).toMatch(/^\d{6}$/);
  });
});
