import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/validation";
import { codeEntryWithIdentitySchema, contactChangeSchema, credentialsSchema, identitySchema } from "./schemas";

function errorsOf(schema: { safeParse: (input: unknown) => { success: boolean; error?: unknown } }, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return fieldErrorsOf(result.error as Parameters<typeof fieldErrorsOf>[0]);
}

describe("identity form", () => {
  it("accepts what a French user types and returns the stored forms", () => {
    const parsed = identitySchema.parse({ nir: "2 84 05 75 115 023 66", birthDate: "12/05/1984", vitaleSerial: "102 840 512 01" });
    expect(parsed).toEqual({ nir: "284057511502366", birthDate: "1984-05-12", vitaleSerial: "10284051201" });
  });

  it("answers each bad field in French", () => {
    expect(errorsOf(identitySchema, { nir: "", birthDate: "", vitaleSerial: "" })).toEqual({
      nir: ["Saisissez votre numéro de sécurité sociale."],
      birthDate: ["Saisissez votre date de naissance."],
      vitaleSerial: ["Saisissez le numéro de série de votre carte Vitale."],
    });
    const errors = errorsOf(identitySchema, { nir: "284057511502367", birthDate: "30/02/1984", vitaleSerial: "1234" });
    expect(errors.nir?.[0]).toMatch(/clé comprise/);
    expect(errors.birthDate?.[0]).toMatch(/date réelle/);
    expect(errors.vitaleSerial?.[0]).toMatch(/8 à 13 chiffres/);
    expect(errorsOf(identitySchema, { nir: "12345" }).nir?.[0]).toMatch(/15 caractères/);
  });

  it("accepts Corsican NIRs", () => {
    expect(identitySchema.parse({ nir: "1 72 07 2A 004 031 41", birthDate: "30/07/1972", vitaleSerial: "17207200401" }).nir).toBe(
      "172072A00403141",
    );
  });
});

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
