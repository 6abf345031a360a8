import { describe, expect, it } from "vitest";
import { checkIdentifier } from "@/lib/auth/credential-checks";
import { identifierCandidates, slugForIdentifier } from "./identifiers";

describe("identifier suggestions", () => {
  it("suggests prénom.nom first, without accents, spaces or capitals", () => {
    expect(slugForIdentifier("Éloïse")).toBe("eloise");
    expect(slugForIdentifier("Le Goff")).toBe("le-goff");
    expect(identifierCandidates({ firstNames: "Marc-Antoine Jean", birthName: "Santoni", usageName: null, birthDate: "1972-07-30" })[0]).toBe(
      "marc-antoine.santoni",
    );
    expect(identifierCandidates({ firstNames: "Inès", birthName: "Mercier", usageName: "Caron", birthDate: "1989-04-09" })[0]).toBe("ines.caron");
  });

  it("pads short names to the minimum length and keeps every suggestion valid", () => {
    const candidates = identifierCandidates({ firstNames: "Li", birthName: "Wu", usageName: null, birthDate: "1990-01-01" });
    expect(candidates[0]).toBe("li.wu1990");
    for (const candidate of candidates) expect(checkIdentifier(candidate, { nir: "190019935000012" })).toBeNull();
    expect(new Set(candidates).size).toBe(candidates.length);
  });
});
