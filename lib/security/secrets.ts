import "server-only";
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { getSettings } from "@/lib/env";

/** A random opaque token for a cookie; only its SHA-256 is stored. */
export function createOpaqueToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Keyed hash of a short code. A plain hash of an 8-character code could be reversed by
 * enumeration from a database dump; keyed with the server secret it cannot.
 */
export function hashCode(purpose: string, code: string): string {
  return createHmac("sha256", getSettings().AUTH_SECRET).update(`${purpose}:${code}`).digest("hex");
}

export function isSameHash(left: string, right: string): boolean {
  const a = Buffer.from(left, "hex");
  const b = Buffer.from(right, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Characters easy to read on paper and to type: no 0/O, 1/I/L. */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** Eight characters from a CSPRNG: 31^8 ≈ 8.5 × 10^11 possibilities, shown as "ABCD-EFGH". */
export function generateProvisionalCode(): string {
  let code = "";
  for (let index = 0; index < 8; index += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What the person typed, in the form that was hashed: upper case, no spaces or dashes. */
export function normalizeProvisionalCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

export function generateNumericCode(length = 6): string {
  let code = "";
  for (let index = 0; index < length; index += 1) code += String(randomInt(10));
  return code;
}
