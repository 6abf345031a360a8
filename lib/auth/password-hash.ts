import "server-only";
import { hash, verify } from "@node-rs/argon2";

/**
 * OWASP's argon2id parameters. `algorithm` is the numeric value of the package's const enum
 * `Algorithm.Argon2id`: Next's isolatedModules cannot read ambient const enums (TS2748).
 */
const ARGON2ID = 2;
export const passwordHashParameters = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, passwordHashParameters);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
