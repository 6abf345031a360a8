import { readFileSync } from "node:fs";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { guardianships, insuredPersons, spaces } from "@/db/schema";
import { importRegister } from "@/lib/register/import";
import {
  findChildrenOf,
  findInsuredPersonById,
  findInsuredPersonByIdentity,
  findInsuredPersonByNir,
} from "@/lib/register/queries";
import { REGISTER_COLUMNS } from "@/lib/register/register-file";

const HEADER = REGISTER_COLUMNS.join(",");

function fixture(name: string): string {
  return readFileSync(path.join(import.meta.dirname, "../fixtures/register", name), "utf8");
}

async function allPersons() {
  return getDb().select().from(insuredPersons).orderBy(asc(insuredPersons.nir));
}

async function allSpaces() {
  return getDb().select().from(spaces);
}

async function importOrFail(csvText: string) {
  const result = await importRegister(csvText);
  if (result.status !== "imported") throw new Error(`rejected: ${JSON.stringify(result.errors)}`);
  return result;
}

beforeEach(async () => {
  const db = getDb();
  await db.delete(spaces);
  await db.delete(guardianships);
  await db.delete(insuredPersons);
});

describe("importRegister", () => {
  it("imports every person of a valid file, each with a pending space", async () => {
    expect(await importRegister(fixture("valid.csv"))).toEqual({ status: "imported", created: 6, updated: 0 });

    const persons = await allPersons();
    expect(persons).toHaveLength(6);
    const claire = persons.find((person) => person.nir === "284058832102532");
    expect(claire).toMatchObject({
      birthName: "Vautrin",
      usageName: null,
      firstNames: "Claire Anne",
      sex: "F",
      birthDate: "1984-05-03",
      birthPlaceCode: "88321",
      email: "claire.vautrin@example.org",
      mobile: "+33639980101",
      postalAddress: "5 rue des Essais\n88000 Épinal",
      vitaleSerial: "28405883211",
    });
    expect(await getDb().select().from(guardianships).where(eq(guardianships.childPersonId, claire?.id ?? ""))).toEqual([]);
    const bruno = persons.find((person) => person.nir === "170037505601229");
    expect(bruno?.email).toBe("bruno.delorme@example.com");
    const ahmed = persons.find((person) => person.nir === "145129935000783");
    expect(ahmed).toMatchObject({ email: null, mobile: null, usageName: null, birthPlaceCode: "99350" });

    const spaceRows = await allSpaces();
    expect(spaceRows).toHaveLength(6);
    expect(new Set(spaceRows.map((space) => space.personId))).toEqual(new Set(persons.map((person) => person.id)));
    expect(spaceRows.every((space) => space.status === "pending" && space.notifiedAt === null)).toBe(true);
  });

  it("rejects a file with bad lines, listing each one, and writes nothing", async () => {
    const result = await importRegister(fixture("invalid.csv"));
    expect(result).toEqual({
      status: "rejected",
      errors: [
        { line: 3, reason: "NIR invalide (clé de contrôle incorrecte)" },
        { line: 4, reason: "sexe invalide (F ou M attendu)" },
        { line: 5, reason: "date de naissance dans le futur" },
        { line: 6, reason: "e-mail invalide" },
        { line: 6, reason: "mobile invalide (format international attendu, par exemple +33612345678)" },
        { line: 6, reason: "numéro de série de la carte Vitale invalide (8 à 13 chiffres attendus)" },
        { line: 7, reason: "NIR en double (déjà présent ligne 2)" },
        { line: 8, reason: "ouvrant droit inconnu (NIR 170037505601229 absent du fichier et du registre)" },
        { line: 10, reason: "12 colonnes attendues, 11 trouvées" },
      ],
    });
    // Lines 2 and 11 were valid, but a refused file is refused whole.
    expect(await allPersons()).toEqual([]);
    expect(await allSpaces()).toEqual([]);
  });

  it("leaves the register untouched when a file that would update it has one bad line", async () => {
    await importOrFail(fixture("valid.csv"));
    const before = await allPersons();
    const spacesBefore = await allSpaces();

    const lines = fixture("update.csv").trimEnd().split("\n");
    const withOneBadLine = [...lines, "299076912308498,Roche,,Ambre,F,1999-07-04,69123,,,,29907691231,"].join("\n");
    const result = await importRegister(withOneBadLine);
    expect(result).toEqual({
      status: "rejected",
      errors: [{ line: 15, reason: "NIR invalide (clé de contrôle incorrecte)" }],
    });
    expect(await allPersons()).toEqual(before);
    expect(await allSpaces()).toEqual(spacesBefore);
  });

  it("updates contact details on re-import without duplicating anyone", async () => {
    await importOrFail(fixture("valid.csv"));
    const before = await allPersons();

    expect(await importRegister(fixture("update.csv"))).toEqual({ status: "imported", created: 1, updated: 4 });

    const after = await allPersons();
    expect(after).toHaveLength(7);
    expect((await allSpaces()).length).toBe(7);
    const byNir = new Map(after.map((person) => [person.nir, person]));
    expect(byNir.get("284058832102532")).toMatchObject({ email: "claire.v@example.org", mobile: "+33639980111" });
    expect(byNir.get("284052A32102552")).toMatchObject({ email: "maria.casanova@example.org" });
    // Empty cells clear what the insurer no longer holds.
    expect(byNir.get("284052B32102579")).toMatchObject({ usageName: null, email: null, mobile: null });
    expect(byNir.get("145129935000783")?.postalAddress).toBe("12 boulevard de la Reprise\n13002 Marseille");
    expect(byNir.get("188021305503140")).toMatchObject({ birthName: "Aubert", email: "olivier.aubert@example.org" });

    // Same ids, same identity: only contacts moved; untouched persons keep their update time.
    for (const previous of before) {
      const current = byNir.get(previous.nir);
      expect(current?.id).toBe(previous.id);
      expect(current).toMatchObject({
        birthName: previous.birthName,
        firstNames: previous.firstNames,
        birthDate: previous.birthDate,
        vitaleSerial: previous.vitaleSerial,
      });
    }
    const bruno = before.find((person) => person.nir === "170037505601229");
    expect(byNir.get("170037505601229")?.updatedAt).toEqual(bruno?.updatedAt);

    expect(await importRegister(fixture("update.csv"))).toEqual({ status: "imported", created: 0, updated: 0 });
    expect(await allPersons()).toHaveLength(7);
  });

  it("computes Corsican keys with 2A as 19 and 2B as 18", async () => {
    const corsican = (nir: string, place: string) => `${nir},Corse,,Test,F,1984-05-03,${place},,,,28405232101,`;
    expect(
      await importRegister([HEADER, corsican("284052A32102552", "2A321"), corsican("284052B32102579", "2B321")].join("\n")),
    ).toEqual({ status: "imported", created: 2, updated: 0 });

    // Each key belongs to its own department; 2A read as 20 would give another key still.
    const swapped = [HEADER, corsican("284052A32102579", "2A321"), corsican("284052B32102552", "2B321"), corsican("284052032102552", "20321")];
    expect(await importRegister(swapped.join("\n"))).toEqual({
      status: "rejected",
      errors: [
        { line: 2, reason: "NIR invalide (clé de contrôle incorrecte)" },
        { line: 3, reason: "NIR invalide (clé de contrôle incorrecte)" },
        { line: 4, reason: "NIR invalide (clé de contrôle incorrecte)" },
      ],
    });

    const stored = await findInsuredPersonByNir(getDb(), "2 84 05 2a 321 025 52");
    expect(stored?.nir).toBe("284052A32102552");
  });

  it("accepts a child whose parent is already in the register", async () => {
    await importOrFail(fixture("valid.csv"));
    const leo = "112097505604623,Delorme,,Léo,M,2012-09-30,75056,,,,11209750,170037505601229";
    expect(await importRegister([HEADER, leo].join("\n"))).toEqual({ status: "imported", created: 1, updated: 0 });
    const children = await findChildrenOf(getDb(), "170037505601229");
    expect(children.map((child) => child.firstNames).sort()).toEqual(["Léo", "Zoé"]);
  });
});

describe("register queries", () => {
  beforeEach(async () => {
    await importOrFail(fixture("valid.csv"));
  });

  it("finds a person by identity only when NIR, birth date and Vitale serial all match", async () => {
    const identity = { nir: "2 84 05 88 321 025 32", birthDate: "1984-05-03", vitaleSerial: "28405883211" };
    const person = await findInsuredPersonByIdentity(getDb(), identity);
    expect(person?.birthName).toBe("Vautrin");

    expect(await findInsuredPersonByIdentity(getDb(), { ...identity, birthDate: "1984-05-04" })).toBeNull();
    expect(await findInsuredPersonByIdentity(getDb(), { ...identity, vitaleSerial: "28405883212" })).toBeNull();
    // Another person's valid NIR with Claire's birth date and card.
    expect(await findInsuredPersonByIdentity(getDb(), { ...identity, nir: "284052A32102552" })).toBeNull();
    // Another person's card with Claire's NIR and birth date.
    expect(await findInsuredPersonByIdentity(getDb(), { ...identity, vitaleSerial: "28405232101" })).toBeNull();
  });

  it("finds a person by id, and nobody for an unknown or malformed id", async () => {
    const [first] = await allPersons();
    if (!first) throw new Error("the fixture should have imported persons");
    expect((await findInsuredPersonById(getDb(), first.id))?.nir).toBe(first.nir);
    expect(await findInsuredPersonById(getDb(), "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await findInsuredPersonById(getDb(), "not-an-id")).toBeNull();
  });

  it("lists a parent's children from the register", async () => {
    const children = await findChildrenOf(getDb(), "170037505601229");
    expect(children.map((child) => child.firstNames)).toEqual(["Zoé"]);
    expect(await findChildrenOf(getDb(), "284058832102532")).toEqual([]);
    const zoe = await findInsuredPersonByNir(getDb(), "212097505604571");
    const bruno = await findInsuredPersonByNir(getDb(), "170037505601229");
    const zoesGuardians = await getDb().select().from(guardianships).where(eq(guardianships.childPersonId, zoe?.id ?? ""));
    expect(zoesGuardians).toMatchObject([{ guardianNir: "170037505601229", guardianPersonId: bruno?.id, source: "register" }]);
    expect((await getDb().select().from(spaces).where(eq(spaces.personId, zoe?.id ?? ""))).length).toBe(1);
  });

  it("records both parents of a child attached to two, once, however often the file is imported", async () => {
    const bothParents = fixture("valid.csv").replace(",21209750,170037505601229", ",21209750,170037505601229;284058832102532");
    await importOrFail(bothParents);
    await importOrFail(bothParents);
    const zoe = await findInsuredPersonByNir(getDb(), "212097505604571");
    const rows = await getDb()
      .select()
      .from(guardianships)
      .where(eq(guardianships.childPersonId, zoe?.id ?? ""))
      .orderBy(asc(guardianships.guardianNir));
    const claire = await findInsuredPersonByNir(getDb(), "284058832102532");
    const bruno = await findInsuredPersonByNir(getDb(), "170037505601229");
    expect(rows).toMatchObject([
      { guardianNir: "170037505601229", guardianPersonId: bruno?.id },
      { guardianNir: "284058832102532", guardianPersonId: claire?.id },
    ]);
    expect((await findChildrenOf(getDb(), "284058832102532")).map((child) => child.firstNames)).toEqual(["Zoé"]);
  });
});

describe("children without a Vitale card of their own", () => {
  it("imports a child on both parents' cards without a card of their own, who cannot prove an identity by card", async () => {
    const withoutCard = fixture("valid.csv").replace(",21209750,170037505601229", ",,170037505601229;284058832102532");
    expect(await importRegister(withoutCard)).toMatchObject({ status: "imported", created: 6 });
    const zoe = await findInsuredPersonByNir(getDb(), "212097505604571");
    expect(zoe?.vitaleSerial).toBeNull();
    const parents = await getDb().select().from(guardianships).where(eq(guardianships.childPersonId, zoe?.id ?? ""));
    expect(parents.map((row) => row.guardianNir).sort()).toEqual(["170037505601229", "284058832102532"]);
    expect(await findInsuredPersonByIdentity(getDb(), { nir: "212097505604571", birthDate: "2012-09-30", vitaleSerial: "" })).toBeNull();

    // Her own card, later: the insurer's next file gives its serial, and the identity proof works.
    expect(await importRegister(fixture("valid.csv"))).toMatchObject({ status: "imported", created: 0, updated: 1 });
    expect((await findInsuredPersonByIdentity(getDb(), { nir: "212097505604571", birthDate: "2012-09-30", vitaleSerial: "21209750" }))?.id).toBe(zoe?.id);
  });

  it("refuses a file whose adult has no Vitale card, with the line's reason", async () => {
    const adultWithoutCard = fixture("valid.csv").replace(",28405883211,", ",,");
    const result = await importRegister(adultWithoutCard);
    expect(result.status).toBe("rejected");
    expect(JSON.stringify(result)).toContain("numéro de série de la carte Vitale manquant");
    expect(await allPersons()).toEqual([]);
  });
});
