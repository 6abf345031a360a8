import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  REGISTER_COLUMNS,
  type RegisterPerson,
  formatImportSummary,
  formatRegisterCsv,
  formatRegisterError,
  readRegisterFile,
} from "./register-file";

const HEADER = REGISTER_COLUMNS.join(",");
const NOW = new Date("2026-03-01T10:00:00Z");

function fixture(name: string): string {
  return readFileSync(path.join(import.meta.dirname, "../../tests/fixtures/register", name), "utf8");
}

function fileOf(...lines: string[]): string {
  return [HEADER, ...lines].join("\n") + "\n";
}

const claire = "284058832102532,Vautrin,,Claire Anne,F,1984-05-03,88321,claire@example.org,+33639980101,,28405883211,";

describe("readRegisterFile", () => {
  it("reads the documented sample without error", () => {
    const file = readRegisterFile(readFileSync(path.join(import.meta.dirname, "../../docs/register-sample.csv"), "utf8"), {
      now: NOW,
    });
    expect(file.errors).toEqual([]);
    expect(file.entries).toHaveLength(6);
    expect(file.parentsOutsideFile).toEqual([]);
    expect(file.entries.map((entry) => entry.line)).toEqual([2, 4, 6, 8, 10, 12]);
  });

  it("turns a valid line into a person, empty optional cells into null", () => {
    const file = readRegisterFile(
      fileOf(
        ' 2 84 05 2a 321 025 52 , Casanova ,, Maria  Lucia ,F,1984-05-19,2a321,Maria.Casanova@Example.ORG,,"1 place du Port\r\n20000 Ajaccio",28405232101,',
      ),
      { now: NOW },
    );
    expect(file.errors).toEqual([]);
    expect(file.entries).toEqual([
      {
        line: 2,
        person: {
          nir: "284052A32102552",
          birthName: "Casanova",
          usageName: null,
          firstNames: "Maria Lucia",
          sex: "F",
          birthDate: "1984-05-19",
          birthPlaceCode: "2A321",
          email: "maria.casanova@example.org",
          mobile: null,
          postalAddress: "1 place du Port\n20000 Ajaccio",
          vitaleSerial: "28405232101",
          guardianNirs: [],
        },
      },
    ]);
  });

  it("reports every bad line with its number and a French reason", () => {
    const file = readRegisterFile(fixture("invalid.csv"), { now: NOW });
    expect(file.errors).toEqual([
      { line: 3, reason: "NIR invalide (clé de contrôle incorrecte)" },
      { line: 4, reason: "sexe invalide (F ou M attendu)" },
      { line: 5, reason: "date de naissance dans le futur" },
      { line: 6, reason: "e-mail invalide" },
      { line: 6, reason: "mobile invalide (format international attendu, par exemple +33612345678)" },
      { line: 6, reason: "numéro de série de la carte Vitale invalide (8 à 13 chiffres attendus)" },
      { line: 7, reason: "NIR en double (déjà présent ligne 2)" },
      { line: 10, reason: "12 colonnes attendues, 11 trouvées" },
    ]);
    // The parent named on line 8 is in neither the file nor (for this function) the register.
    expect(file.parentsOutsideFile).toEqual([{ line: 8, guardianNir: "170037505601229" }]);
    expect(file.entries.map((entry) => entry.line)).toEqual([2, 8, 11]);
  });

  it("refuses a wrong header, naming the expected one", () => {
    const file = readRegisterFile(`nir;nom\n${claire}\n`, { now: NOW });
    expect(file.errors).toEqual([{ line: 1, reason: `en-tête incorrect : « ${HEADER} » attendu` }]);
    expect(file.entries).toEqual([]);
  });

  it("refuses an empty file and an unreadable one", () => {
    expect(readRegisterFile("\n\n").errors).toEqual([{ line: 1, reason: "fichier vide (en-tête attendu)" }]);
    expect(readRegisterFile(fileOf(claire, '284052B32102579,"Orsini,F').replace(/\n$/, "")).errors).toEqual([
      { line: 3, reason: "fichier CSV illisible (guillemet ouvert mais jamais refermé)" },
    ]);
  });

  it("ignores blank lines and accepts a header-only file", () => {
    expect(readRegisterFile(`${HEADER}\n`).entries).toEqual([]);
    const file = readRegisterFile(`${HEADER}\n\n${claire}\n\n`, { now: NOW });
    expect(file.errors).toEqual([]);
    expect(file.entries.map((entry) => entry.line)).toEqual([3]);
  });

  it("checks that sex and birth date agree with the NIR", () => {
    const file = readRegisterFile(
      fileOf(
        "284058832102532,Vautrin,,Claire,M,1984-05-03,88321,,,,28405883211,",
        "284052A32102552,Casanova,,Maria,F,1985-06-19,2A321,,,,28405232101,",
      ),
      { now: NOW },
    );
    expect(file.errors).toEqual([
      { line: 2, reason: "sexe incohérent avec le NIR (F attendu pour un NIR commençant par 2)" },
      { line: 3, reason: "date de naissance incohérente avec le NIR (naissance en 05/84 selon le NIR)" },
    ]);
  });

  it("accepts any birth month when the NIR says it is unknown", () => {
    // 1 75 20 99 123 456: month 20 = unknown, born abroad.
    const file = readRegisterFile(fileOf("175209912345658,Inconnu,,Jean,M,1975-01-01,99123,,,,17520991231,"), { now: NOW });
    expect(file.errors).toEqual([]);
  });

  it("refuses dates that do not exist, and birth dates after today in Paris", () => {
    const late = new Date("2026-03-01T23:30:00Z"); // already 2 March in Paris
    const born = (date: string) => `226039912345603,Neuve,,Lou,F,${date},99123,,,,22603991231,`;
    expect(readRegisterFile(fileOf(born("2026-03-02")), { now: late }).errors).toEqual([]);
    expect(readRegisterFile(fileOf(born("2026-03-03")), { now: late }).errors).toEqual([
      { line: 2, reason: "date de naissance dans le futur" },
    ]);
    expect(readRegisterFile(fileOf(born("2026-02-30")), { now: late }).errors).toEqual([
      { line: 2, reason: "date de naissance inexistante" },
    ]);
    expect(readRegisterFile(fileOf(born("02/03/2026")), { now: late }).errors).toEqual([
      { line: 2, reason: "date de naissance invalide (format AAAA-MM-JJ attendu)" },
    ]);
  });

  it("refuses a malformed birthplace, mobile or parent", () => {
    const file = readRegisterFile(
      fileOf(
        "284058832102532,Vautrin,,Claire,F,1984-05-03,8832,,+33 6 39 98 01 01,,28405883211,284058832102533",
        "284052A32102552,Casanova,,Maria,F,1984-05-19,2A321,,,,28405232101,284052A32102552",
      ),
      { now: NOW },
    );
    expect(file.errors).toEqual([
      {
        line: 2,
        reason:
          "lieu de naissance invalide (code INSEE à 5 caractères attendu, par exemple 75056, 2A004 ou 99350 pour le Maroc)",
      },
      { line: 2, reason: "mobile invalide (format international attendu, par exemple +33612345678)" },
      { line: 2, reason: "NIR de l'ouvrant droit invalide (clé de contrôle incorrecte)" },
      { line: 3, reason: "NIR de l'ouvrant droit identique au NIR de la personne" },
    ]);
  });

  it("reports missing required cells", () => {
    const file = readRegisterFile(fileOf(",,,,,,,,,,,"), { now: NOW });
    expect(file.errors.map((error) => error.reason)).toEqual([
      "NIR manquant",
      "nom de naissance manquant",
      "prénoms manquants",
      "sexe invalide (F ou M attendu)",
      "date de naissance invalide (format AAAA-MM-JJ attendu)",
      "lieu de naissance invalide (code INSEE à 5 caractères attendu, par exemple 75056, 2A004 ou 99350 pour le Maroc)",
      "numéro de série de la carte Vitale manquant (seul un enfant rattaché à un ouvrant droit peut ne pas en avoir)",
    ]);
  });

  it("accepts a child without a Vitale card of their own only when a parent is named", () => {
    const withoutCard = (parents: string) => withZoesParents(parents).replace(",21209750,", ",,");
    const child = readRegisterFile(withoutCard("170037505601229;284058832102532"), { now: NOW });
    expect(child.errors).toEqual([]);
    const zoe = child.entries.find((entry) => entry.person.firstNames === "Zoé");
    expect(zoe?.person).toMatchObject({ vitaleSerial: null, guardianNirs: ["170037505601229", "284058832102532"] });
    const orphan = readRegisterFile(withoutCard(""), { now: NOW });
    expect(orphan.errors.map((error) => error.reason)).toEqual([
      "numéro de série de la carte Vitale manquant (seul un enfant rattaché à un ouvrant droit peut ne pas en avoir)",
    ]);
  });

  it("resolves a parent listed later in the same file", () => {
    const file = readRegisterFile(fixture("valid.csv"), { now: NOW });
    expect(file.errors).toEqual([]);
    expect(file.parentsOutsideFile).toEqual([]);
    const child = file.entries.find((entry) => entry.person.firstNames === "Zoé");
    expect(child?.person.guardianNirs).toEqual(["170037505601229"]);
  });

  it("reads a child attached to both parents: two NIRs separated by « ; »", () => {
    const file = readRegisterFile(withZoesParents("170037505601229 ; 284058832102532"), { now: NOW });
    expect(file.errors).toEqual([]);
    const zoe = file.entries.find((entry) => entry.person.firstNames === "Zoé");
    expect(zoe?.person.guardianNirs).toEqual(["170037505601229", "284058832102532"]);
  });

  it("refuses more than two parents, the same parent twice and a malformed parent NIR", () => {
    const reasonsFor = (cell: string) => readRegisterFile(withZoesParents(cell), { now: NOW }).errors.map((error) => error.reason);
    expect(reasonsFor("170037505601229;170037505601229")).toEqual(["NIR de l'ouvrant droit en double"]);
    expect(reasonsFor("170037505601229;284058832102532;284052A32102552")).toEqual(["2 NIR d'ouvrant droit au plus, séparés par « ; »"]);
    expect(reasonsFor("170037505601229;12345")[0]).toMatch(/^NIR de l'ouvrant droit invalide/);
  });
});

/** valid.csv with Zoé Delorme's nir_ouvrant_droit cell replaced. */
function withZoesParents(cell: string): string {
  const text = fixture("valid.csv");
  const original = ",21209750,170037505601229";
  if (!text.includes(original)) throw new Error("valid.csv no longer has Zoé's line");
  return text.replace(original, `,21209750,${cell}`);
}

describe("formatRegisterCsv", () => {
  it("writes what readRegisterFile reads back", () => {
    const people: RegisterPerson[] = [
      {
        nir: "284052B32102579",
        birthName: "Orsini",
        usageName: "Luciani",
        firstNames: "Paola",
        sex: "F",
        birthDate: "1984-05-27",
        birthPlaceCode: "2B321",
        email: null,
        mobile: "+33639980104",
        postalAddress: '2 rue "Haute", escalier B\n20200 Bastia',
        vitaleSerial: "2840523210",
        guardianNirs: [],
      },
    ];
    const file = readRegisterFile(formatRegisterCsv(people), { now: NOW });
    expect(file.errors).toEqual([]);
    expect(file.entries.map((entry) => entry.person)).toEqual(people);
  });
});

describe("messages", () => {
  it("prefixes an error with its line", () => {
    expect(formatRegisterError({ line: 7, reason: "NIR invalide (clé de contrôle incorrecte)" })).toBe(
      "ligne 7 : NIR invalide (clé de contrôle incorrecte)",
    );
  });

  it("summarises an import in French, with plurals", () => {
    expect(formatImportSummary({ created: 0, updated: 0 })).toBe("0 personne créée, 0 mise à jour");
    expect(formatImportSummary({ created: 1, updated: 1 })).toBe("1 personne créée, 1 mise à jour");
    expect(formatImportSummary({ created: 22, updated: 3 })).toBe("22 personnes créées, 3 mises à jour");
  });
});
