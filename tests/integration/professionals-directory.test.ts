import { asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accounts, professionals } from "@/db/schema";
import { DEMO_PROFESSIONALS } from "@/lib/professionals/demo-directory";
import { seedDemoProfessionals } from "@/lib/professionals/demo-accounts";
import { DIRECTORY_COLUMNS, formatDirectoryCsv } from "@/lib/professionals/directory-file";
import { importDirectory } from "@/lib/professionals/import";
import { luhnCheckDigit } from "@/lib/professionals/rpps";
import { randomRpps } from "@/tests/support/factories";

const HEADER = DIRECTORY_COLUMNS.join(",");

async function byRpps(rppsList: string[]) {
  return getDb().select().from(professionals).where(inArray(professionals.rpps, rppsList)).orderBy(asc(professionals.rpps));
}

describe("professionals:import", () => {
  it("adds every professional of a valid file, then updates them by RPPS without duplicating anyone", async () => {
    const [first, second] = [randomRpps(), randomRpps()];
    const file = [
      HEADER,
      `${first},Leroy,Anne,10,Médecine générale,Cabinet des Lilas,Lyon,ANNE.LEROY@example.org,+33600000001,non`,
      `${second},Girard,Paul,21,,Pharmacie du Marché,Lyon,,,`,
    ].join("\n");
    expect(await importDirectory(file)).toEqual({ status: "imported", created: 2, updated: 0 });
    const [anne] = await byRpps([first]);
    expect(anne).toMatchObject({ lastName: "Leroy", professionCode: "10", email: "anne.leroy@example.org", isEmergencyMedicalService: false });

    // The same file again changes nothing; a changed line updates its row in place.
    expect(await importDirectory(file)).toEqual({ status: "imported", created: 0, updated: 0 });
    const changed = file.replace("Cabinet des Lilas,Lyon", "SAMU 69,Bron").replace(",non", ",oui");
    expect(await importDirectory(changed)).toEqual({ status: "imported", created: 0, updated: 1 });
    const rows = await byRpps([first, second]);
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.rpps === first)).toMatchObject({ id: anne!.id, structureName: "SAMU 69", city: "Bron", isEmergencyMedicalService: true });
  });

  it("refuses the whole file with every bad line's reason, in French, and writes nothing", async () => {
    const good = randomRpps();
    const body = randomRpps().slice(0, 10);
    const wrongKey = `${body}${(Number(luhnCheckDigit(body)) + 1) % 10}`;
    const file = [
      HEADER,
      `${good},Leroy,Anne,10,,,,,,`,
      `${wrongKey},Martin,Luc,10,,,,,,`,
      `123,Durand,,99,,,,pas-un-email,0612345678,peut-être`,
      `${good},Leroy,Anne,10,,,,,,`,
      `${randomRpps()},Trop,Peu`,
    ].join("\n");
    const result = await importDirectory(file);
    expect(result.status).toBe("rejected");
    if (result.status !== "rejected") return;
    expect(result.errors).toEqual([
      { line: 3, reason: "numéro RPPS invalide (chiffre de contrôle incorrect)" },
      { line: 4, reason: "numéro RPPS invalide (11 chiffres attendus, 3 trouvés)" },
      { line: 4, reason: "prénom manquant" },
      { line: 4, reason: expect.stringContaining("code profession inconnu") },
      { line: 4, reason: "e-mail invalide" },
      { line: 4, reason: expect.stringContaining("mobile invalide") },
      { line: 4, reason: "samu invalide (« oui », « non » ou vide attendu)" },
      { line: 5, reason: "numéro RPPS en double (déjà présent ligne 2)" },
      { line: 6, reason: "10 colonnes attendues, 3 trouvées" },
    ]);
    expect(await byRpps([good])).toHaveLength(0);
  });

  it("refuses a file whose header is not the documented one", async () => {
    const result = await importDirectory(`rpps,nom,prenom\n${randomRpps()},Leroy,Anne`);
    expect(result).toEqual({ status: "rejected", errors: [{ line: 1, reason: `en-tête incorrect : « ${HEADER} » attendu` }] });
  });

  it("seeds the demo directory with a /pro login for each, twice without a duplicate", async () => {
    await seedDemoProfessionals();
    const again = await seedDemoProfessionals();
    expect(again).toEqual({ status: "imported", created: 0, updated: 0 });
    const rows = await byRpps(DEMO_PROFESSIONALS.map((demo) => demo.rpps));
    expect(rows.map((row) => row.professionCode).sort()).toEqual(["10", "10", "21", "40", "50", "60", "70"]);
    expect(rows.filter((row) => row.isEmergencyMedicalService)).toHaveLength(1);
    const logins = await getDb().select().from(accounts).where(inArray(accounts.professionalId, rows.map((row) => row.id)));
    expect(logins.map((login) => login.identifier).sort()).toEqual(DEMO_PROFESSIONALS.map((demo) => demo.identifier).sort());
    for (const login of logins) expect(login).toMatchObject({ kind: "professional", personId: null, passwordHash: expect.stringMatching(/^\$argon2id\$/) });
    expect(formatDirectoryCsv(DEMO_PROFESSIONALS).split(/\r?\n/)[0]).toBe(HEADER);
    const [anne] = await getDb().select().from(professionals).where(eq(professionals.rpps, "10990000019"));
    expect(anne?.firstName).toBe("Anne");
  });
});
