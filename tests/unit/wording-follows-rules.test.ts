import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * A limit is changed in one place (a rules object or constant) and every message follows: each
 * test changes one rule, loads the wording afresh and reads the new number in it.
 */

afterEach(() => {
  vi.doUnmock("@/lib/auth/credential-rules");
  vi.doUnmock("@/lib/auth/rules");
  vi.doUnmock("@/lib/enrolment/rules");
  vi.doUnmock("@/lib/documents/rules");
  vi.resetModules();
});

function errorsOf(schema: { safeParse: (input: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, input: unknown) {
  return schema.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];
}

describe("the wording follows the rules", () => {
  it("says the identifier's and the password's lengths wherever they are checked", async () => {
    vi.resetModules();
    vi.doMock("@/lib/auth/credential-rules", async (importOriginal) => {
      const original = await importOriginal<typeof import("@/lib/auth/credential-rules")>();
      return { ...original, IDENTIFIER_MIN_LENGTH: 6, IDENTIFIER_MAX_LENGTH: 50, PASSWORD_MAX_LENGTH: 64 };
    });
    const { newPasswordSchema } = await import("@/lib/auth/schemas");
    const { credentialsSchema } = await import("@/lib/enrolment/schemas");
    const { identifierLengthMessage } = await import("@/lib/auth/messages");
    const tooLong = "Aa1!".repeat(17);
    expect(errorsOf(newPasswordSchema, { password: tooLong, passwordConfirmation: tooLong })).toContain(
      "Le mot de passe ne peut pas dépasser 64 caractères.",
    );
    expect(errorsOf(credentialsSchema, { identifier: "l".repeat(51), password: tooLong, passwordConfirmation: tooLong })).toEqual(
      expect.arrayContaining(["L'identifiant doit contenir entre 6 et 50 caractères.", "Le mot de passe ne peut pas dépasser 64 caractères."]),
    );
    expect(identifierLengthMessage).toBe("L'identifiant doit contenir entre 6 et 50 caractères.");
  });

  it("says the login code's lifetime and the idle timeout", async () => {
    vi.resetModules();
    vi.doMock("@/lib/auth/rules", async (importOriginal) => {
      const original = await importOriginal<typeof import("@/lib/auth/rules")>();
      return { ...original, authRules: { ...original.authRules, codeLifetimeMs: 5 * 60_000, idleTimeoutMs: 20 * 60_000, maxCodeAttemptsPerChallenge: 3, failuresBeforeLock: 7 } };
    });
    const messages = await import("@/lib/auth/messages");
    expect(messages.expiredCodeMessage).toContain("plus de 5 minutes");
    expect(messages.idleLogoutNotice).toContain("après 20 minutes sans activité");
    expect(messages.idleTimeoutExplanation).toContain("après 20 minutes sans activité");
    expect(messages.expiredLoginAttemptMessage).toContain("après 3 codes incorrects");
    expect(messages.LOCK_EXPLANATION).toContain("après 7 échecs consécutifs");
  });

  it("says how many wrong tries kill an enrolment code and how long a contact code lasts", async () => {
    vi.resetModules();
    vi.doMock("@/lib/enrolment/rules", async (importOriginal) => {
      const original = await importOriginal<typeof import("@/lib/enrolment/rules")>();
      return { ...original, enrolmentRules: { ...original.enrolmentRules, maxCodeAttempts: 3, contactCodeLifetimeMs: 10 * 60_000 } };
    });
    const messages = await import("@/lib/enrolment/messages");
    expect(messages.noLiveProvisionalCodeMessage).toContain("bloqué après 3 essais");
    expect(messages.noLiveContactCodeMessage).toContain("bloqué après 3 essais");
    expect(messages.contactCodeValidity).toBe("Il est valable 10 minutes.");
  });

  it("says the limits of a document's title, a folder's name and a report", async () => {
    vi.resetModules();
    vi.doMock("@/lib/documents/rules", async (importOriginal) => {
      const original = await importOriginal<typeof import("@/lib/documents/rules")>();
      return { documentRules: { ...original.documentRules, titleMaxLength: 40, folderNameMaxLength: 30, reportReasonMaxLength: 500 } };
    });
    const { documentTitleField, folderNameField, documentReportSchema } = await import("@/lib/documents/schemas");
    expect(errorsOf(documentTitleField, "t".repeat(41))).toEqual(["Le titre ne peut pas dépasser 40 caractères."]);
    expect(errorsOf(folderNameField, "d".repeat(31))).toEqual(["Le nom du dossier ne peut pas dépasser 30 caractères."]);
    expect(errorsOf(documentReportSchema, { documentId: "5b0e8c3a-7d2f-4c1e-9a8b-2f3e4d5c6b7a", reason: "r".repeat(501) })).toEqual([
      "La description ne peut pas dépasser 500 caractères.",
    ]);
  });
});
