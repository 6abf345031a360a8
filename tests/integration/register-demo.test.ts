import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { insuredPersons, spaces } from "@/db/schema";
import { DEMO_ACTIVE_NIR, DEMO_PARENT_NIR, DEMO_PEOPLE, buildDemoRegisterCsv } from "@/lib/register/demo-register";
import { importRegister } from "@/lib/register/import";
import { findChildrenOf, findInsuredPersonByIdentity } from "@/lib/register/queries";

describe("demo register", () => {
  it("loads through the import once, and a second run creates nobody", async () => {
    expect(await importRegister(buildDemoRegisterCsv())).toEqual({
      status: "imported",
      created: DEMO_PEOPLE.length,
      updated: 0,
    });
    expect(await importRegister(buildDemoRegisterCsv())).toEqual({ status: "imported", created: 0, updated: 0 });

    expect(await getDb().$count(insuredPersons)).toBe(DEMO_PEOPLE.length);
    expect(await getDb().$count(spaces)).toBe(DEMO_PEOPLE.length);

    const children = await findChildrenOf(getDb(), DEMO_PARENT_NIR);
    expect(children.map((child) => child.firstNames)).toEqual(["Lucas", "Chloé Anne"]);

    const camille = DEMO_PEOPLE.find((person) => person.nir === DEMO_ACTIVE_NIR);
    if (!camille?.vitaleSerial) throw new Error("the active demo person is missing");
    const found = await findInsuredPersonByIdentity(getDb(), { nir: camille.nir, birthDate: camille.birthDate, vitaleSerial: camille.vitaleSerial });
    expect(found?.email).toBe(camille.email);
  });
});
