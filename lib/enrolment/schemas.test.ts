import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/validation";
import { codeEntryWithIdentitySchema, contactChangeSchema, credentialsSchema } from "./schemas";

function errorsOf(schema: { safeParse: (input: unknown) => { success: boolean; error?: unknown } }, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return fieldErrorsOf(result.error as Parameters<typeof fieldErrorsOf>[0]);
}

describe("code entry", () => {
  it("normalises the code and explains a malformed one", () => {
    const parsed = codeEntryWithIdentitySchema.parse({ nir: "284057511502366", birthDate: "12/05/1984", code: "k7qw-3mzp" });
    expect(parsed.code).toBe("K7QW3MZP");
    expect(errorsOf(codeEntryWithIdentitySchema, { nir: "284057511502366", birthDate: "12/05/1984", code: "K7Q" }).code?.[0]).toMatch(
      /8 caractères/,
    );
  });
});

describe("contact change", () => {
  it("normalises French mobiles to E.164 and refuses bad values", () => {
    expect(contactChangeSchema.parse({ kind: "mobile", value: "06 12 34 56 78" })).toEqual({ kind: "mobile", value: "+33612345678" });
    expect(errorsOf(contactChangeSchema, { kind: "mobile", value: "01 23" }).value?.[0]).toMatch(/mobile valide/);
    expect(errorsOf(contactChangeSchema, { kind: "email", value: "pas-une-adresse" }).value?.[0]).toMatch(/e-mail valide/);
  });
});

describe("credentials", () => {
  it("requires both passwords to match", () => {
    expect(errorsOf(credentialsSchema, { identifier: "camille.martin", password: "Abc!1234", passwordConfirmation: "Abc!1235" })).toEqual({
      passwordConfirmation: ["Les deux mots de passe ne sont pas identiques."],
    });
  });
});
