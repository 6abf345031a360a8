import { describe, expect, it } from "vitest";
import { checkIdentifier, checkPassword, isCommonPassword } from "./credential-checks";
import { identifierRules, passwordRules, unmetRules } from "./credential-rules";

const nir = "284057511502366";

describe("identifier rules (SPEC §3)", () => {
  it.each(["camille.martin", "jp_dupont-75", "a1b2c3d4", "x".repeat(100)])("accepts %s", (identifier) => {
    expect(checkIdentifier(identifier, { nir })).toBeNull();
  });

  it.each([
    ["", /Saisissez/],
    ["court", /entre 8 et 100/],
    ["x".repeat(101), /entre 8 et 100/],
    ["Camille.Martin", /minuscules/],
    ["camille martin", /minuscules/],
    ["éloïse.roux", /minuscules/],
    ["camille@example.org", /adresse e-mail/],
    [nir, /sécurité sociale/],
    ["2840575115-02366", /sécurité sociale/],
  ])("refuses %j with a reason", (identifier, reason) => {
    expect(checkIdentifier(identifier, { nir })).toMatch(reason);
  });

  it("shares its rules with the live checklist", () => {
    expect(unmetRules(identifierRules, "").map((rule) => rule.id)).toEqual(["length", "characters"]);
    expect(unmetRules(identifierRules, "camille.martin")).toEqual([]);
  });
});

describe("password rules (SPEC §3)", () => {
  const options = { identifier: "camille.martin", personalNames: ["Camille Jeanne", "Martin"] };

  it("accepts a password meeting every rule", () => {
    expect(checkPassword("Tournesol#Vert42", options)).toEqual([]);
  });

  it.each([
    ["Ab1!", /8 caractères/],
    ["tournesol#vert42", /majuscule/],
    ["TOURNESOL#VERT42", /minuscule/],
    ["Tournesol#Vert", /chiffre/],
    ["Tournesol7Vert42", /caractère spécial/],
  ])("names the broken composition rule of %j", (password, reason) => {
    expect(checkPassword(password, options).join(" ")).toMatch(reason);
  });

  it("refuses a password containing the identifier or a name, accents and case aside", () => {
    expect(checkPassword("Xcamille.martin9!", options).join(" ")).toMatch(/identifiant/);
    expect(checkPassword("Jeanne#2026ok", options).join(" ")).toMatch(/nom ou votre prénom/);
    expect(checkPassword("MARTIN#2026ok", options).join(" ")).toMatch(/nom ou votre prénom/);
    expect(
      checkPassword("Helene#2026ok", { identifier: "h.roux.1990", personalNames: ["Hélène", "Roux"] }).join(" "),
    ).toMatch(/nom ou votre prénom/);
  });

  it("refuses common passwords, even dressed up to meet the rules", () => {
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("azerty")).toBe(true);
    expect(checkPassword("Azerty123!", options).join(" ")).toMatch(/trop courant/);
    expect(checkPassword("!Soleil2024", options).join(" ")).toMatch(/trop courant/);
    expect(isCommonPassword("Tournesol#Vert42")).toBe(false);
  });

  it("lists every rule before anything is typed", () => {
    expect(unmetRules(passwordRules, "").map((rule) => rule.id)).toEqual(["length", "upper", "lower", "digit", "special"]);
  });
});
