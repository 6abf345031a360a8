import { randomInt } from "node:crypto";

export const ONE_TIME_CODE_LENGTH = 6;

/**
 * Six digits drawn uniformly from Node's CSPRNG (`randomInt` rejects biased draws), leading
 * zeros kept: 10^6 codes, of which an attacker may try at most 5 per login attempt.
 */
export function generateOneTimeCode(): string {
  return String(randomInt(10 ** ONE_TIME_CODE_LENGTH)).padStart(ONE_TIME_CODE_LENGTH, "0");
}

/** The digits of what the person typed ("123 456" → "123456"), or null when it cannot be a code. */
export function normalizeOneTimeCode(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, "");
  return new RegExp(`^\\d{${ONE_TIME_CODE_LENGTH}}$`).test(digits) ? digits : null;
}
