import { describe, expect, it, vi } from "vitest";
import { checkLoginPassword } from "@/lib/auth/login";
import { createActiveAccount } from "@/tests/support/factories";

/**
 * An unknown identifier must cost what a known one costs: one argon2id verification at the
 * project's parameters. The test counts the work instead of timing it (timings belong in
 * `npm run bench`), so it holds on a loaded machine.
 */
const { verifiedHashes } = vi.hoisted(() => ({ verifiedHashes: [] as string[] }));

vi.mock("@/lib/auth/password-hash", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/password-hash")>();
  return {
    ...original,
    verifyPassword: async (passwordHash: string, password: string) => {
      verifiedHashes.push(passwordHash);
      return original.verifyPassword(passwordHash, password);
    },
  };
});

const ARGON2ID_AT_PROJECT_PARAMETERS = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/;

describe("login, first step: the same work for known and unknown identifiers", () => {
  it("runs exactly one argon2id verification at the project's parameters in both cases", async () => {
    const account = await createActiveAccount();
    const now = new Date("2026-04-02T09:00:00Z");

    verifiedHashes.length = 0;
    await checkLoginPassword({ identifier: account.identifier, password: "Mauvais-Mot-2-Passe" }, { clientAddress: "192.0.2.50", now });
    const forKnown = [...verifiedHashes];

    verifiedHashes.length = 0;
    await checkLoginPassword({ identifier: "personne.inconnue.2026", password: "Mauvais-Mot-2-Passe" }, { clientAddress: "192.0.2.51", now });
    const forUnknown = [...verifiedHashes];

    expect(forKnown).toHaveLength(1);
    expect(forUnknown).toHaveLength(1);
    expect(forKnown[0]).toMatch(ARGON2ID_AT_PROJECT_PARAMETERS);
    expect(forUnknown[0]).toMatch(ARGON2ID_AT_PROJECT_PARAMETERS);
  });
});
