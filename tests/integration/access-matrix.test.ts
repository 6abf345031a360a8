import { asc } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accessMatrixEntries } from "@/db/schema";
import { DOCUMENT_TYPES } from "@/lib/documents/document-types";
import { defaultAccessMatrix } from "@/lib/professional-access/default-matrix";
import { describeAccessMatrixFor, importAccessMatrix, isTypeAccessibleFor, seedDefaultAccessMatrixIfEmpty } from "@/lib/professional-access/matrix";
import { ACCESS_MATRIX_COLUMNS } from "@/lib/professional-access/matrix-file";
import { PROFESSIONS } from "@/lib/professionals/professions";

const HEADER = ACCESS_MATRIX_COLUMNS.join(",");

async function allEntries() {
  return getDb()
    .select({ professionCode: accessMatrixEntries.professionCode, documentTypeCode: accessMatrixEntries.documentTypeCode, isAccessible: accessMatrixEntries.isAccessible })
    .from(accessMatrixEntries)
    .orderBy(asc(accessMatrixEntries.professionCode), asc(accessMatrixEntries.documentTypeCode));
}

function sorted(entries: { professionCode: string; documentTypeCode: string; isAccessible: boolean }[]) {
  return [...entries].sort((a, b) => (a.professionCode + " " + a.documentTypeCode < b.professionCode + " " + b.documentTypeCode ? -1 : 1));
}

// One file, in order: the default first, then imports that replace it.
describe("the access matrix", () => {
  it("starts, after migration, with the documented default: every profession × every document type", async () => {
    const entries = await allEntries();
    expect(entries).toHaveLength(PROFESSIONS.length * DOCUMENT_TYPES.length);
    expect(sorted(entries)).toEqual(sorted(defaultAccessMatrix()));
    // Migration does not add the default twice, nor overwrite a table that holds rows.
    expect(await seedDefaultAccessMatrixIfEmpty(getDb())).toBe(false);
  });

  it("follows the public rules: doctors all but the residence certificate, dentists not advance directives, podiatrists not birth reports", async () => {
    const doctor = await isTypeAccessibleFor("10");
    expect(DOCUMENT_TYPES.filter((type) => !doctor(type.code)).map((type) => type.code)).toEqual(["ATTEST-RESID"]);
    const dentist = await isTypeAccessibleFor("40");
    expect(dentist("EXPPAT_3")).toBe(false);
    expect(dentist("11488-4")).toBe(true);
    const podiatrist = await isTypeAccessibleFor("80");
    expect(podiatrist("15508-5")).toBe(false);
    // A profession the table does not know reaches nothing.
    const unknown = await isTypeAccessibleFor("00");
    expect(DOCUMENT_TYPES.some((type) => unknown(type.code))).toBe(false);
    const details = await describeAccessMatrixFor("40");
    expect(details.notAccessible.map((type) => type.label)).toContain("Directives anticipées");
    expect(details.accessible.length + details.notAccessible.length).toBe(DOCUMENT_TYPES.length);
  });

  it("refuses a whole file, with every bad line's reason, and leaves the matrix as it was", async () => {
    const before = await allEntries();
    const result = await importAccessMatrix(
      [HEADER, "10,11488-4,oui", "99,11488-4,oui", "40,XXX,non", "21,EXPPAT_3,peut-être", "10,11488-4,non", "60,11502-2"].join("\n"),
    );
    expect(result).toEqual({
      status: "rejected",
      errors: [
        { line: 3, reason: "code de profession inconnu « 99 »" },
        { line: 4, reason: "code de type de document inconnu « XXX »" },
        { line: 5, reason: "valeur « peut-être » pour accessible : « oui » ou « non » attendu" },
        { line: 6, reason: "couple profession et type de document en double (déjà présent ligne 2)" },
        { line: 7, reason: "3 colonnes attendues, 2 trouvées" },
      ],
    });
    expect(await importAccessMatrix("profession,type,accessible\n10,11488-4,oui")).toMatchObject({
      status: "rejected",
      errors: [{ line: 1, reason: `en-tête incorrect : « ${HEADER} » attendu` }],
    });
    expect(await importAccessMatrix(`${HEADER}\n`)).toMatchObject({ status: "rejected", errors: [{ line: 1 }] });
    expect(await allEntries()).toEqual(before);
  });

  it("replaces the whole matrix with a valid file: pairs it leaves out are no longer accessible", async () => {
    const result = await importAccessMatrix(`\uFEFF${HEADER}\r\n10,11488-4,oui\r\n10,EXPPAT_3,non\r\n40,11488-4,1\r\n`);
    expect(result).toEqual({ status: "imported", entries: 3, accessible: 2 });
    expect(await allEntries()).toEqual([
      { professionCode: "10", documentTypeCode: "11488-4", isAccessible: true },
      { professionCode: "10", documentTypeCode: "EXPPAT_3", isAccessible: false },
      { professionCode: "40", documentTypeCode: "11488-4", isAccessible: true },
    ]);
    // isTypeAccessibleFor is cached per request only in React's server render; here each call reads again.
    const doctor = await isTypeAccessibleFor("10");
    expect(doctor("11488-4")).toBe(true);
    expect(doctor("11502-2")).toBe(false);
  });
});
