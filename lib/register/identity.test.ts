import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/validation";
import { identitySchema } from "./identity";

function errorsOf(input: unknown) {
  const result = identitySchema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe("identity form", () => {
  it("accepts what a French user types and returns the stored forms", () => {
    const parsed = identitySchema.parse({ nir: "2 84 05 75 115 023 66", birthDate: "12/05/1984", vitaleSerial: "102 840 512 01" });
    expect(parsed).toEqual({ nir: "284057511502366", birthDate: "1984-05-12", vitaleSerial: "10284051201" });
  });

  it("answers each bad field in French", () => {
    expect(errorsOf({ nir: "", birthDate: "", vitaleSerial: "" })).toEqual({
      nir: ["Saisissez votre numéro de sécurité sociale."],
      birthDate: ["Saisissez votre date de naissance."],
      vitaleSerial: ["Saisissez le numéro de série de votre carte Vitale."],
    });
    const errors = errorsOf({ nir: "284057511502367", birthDate: "30/02/1984", vitaleSerial: "1234" });
    expect(errors.nir?.[0]).toMatch(/clé comprise/);
    expect(errors.birthDate?.[0]).toMatch(/date réelle/);
    expect(errors.vitaleSerial?.[0]).toMatch(/8 à 13 chiffres/);
    expect(errorsOf({ nir: "12345" }).nir?.[0]).toMatch(/15 caractères/);
  });

  it("accepts Corsican NIRs", () => {
    expect(identitySchema.parse({ nir: "1 72 07 2A 004 031 41", birthDate: "30/07/1972", vitaleSerial: "17207200401" }).nir).toBe(
      "172072A00403141",
    );
  });
});
