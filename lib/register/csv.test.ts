import { describe, expect, it } from "vitest";
import { formatCsv, parseCsv } from "./csv";

function records(text: string) {
  const result = parseCsv(text);
  if (result.status !== "parsed") throw new Error(`line ${result.line}: ${result.reason}`);
  return result.rows;
}

describe("parseCsv", () => {
  it("splits plain fields and numbers rows by line", () => {
    expect(records("a,b,c\n1,2,3\n")).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["1", "2", "3"] },
    ]);
  });

  it("accepts CRLF and a last line without a line break", () => {
    expect(records("a,b\r\n1,2\r\n3,4")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
      { line: 3, fields: ["3", "4"] },
    ]);
  });

  it("strips a UTF-8 byte-order mark", () => {
    expect(records("\uFEFFnir,nom\n1,Éloïse")).toEqual([
      { line: 1, fields: ["nir", "nom"] },
      { line: 2, fields: ["1", "Éloïse"] },
    ]);
  });

  it("keeps empty fields, at the start, middle and end", () => {
    expect(records(",a,,b,\n")).toEqual([{ line: 1, fields: ["", "a", "", "b", ""] }]);
    expect(records('a,""')).toEqual([{ line: 1, fields: ["a", ""] }]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    const text = 'nom,adresse\n"Dupont, Jean","3 rue du ""Moulin""\r\n75001 Paris"\nsuivant,x\n';
    expect(records(text)).toEqual([
      { line: 1, fields: ["nom", "adresse"] },
      { line: 2, fields: ["Dupont, Jean", '3 rue du "Moulin"\r\n75001 Paris'] },
      { line: 4, fields: ["suivant", "x"] },
    ]);
  });

  it("returns a blank line as a record with one empty field", () => {
    expect(records("a\n\nb\n")).toEqual([
      { line: 1, fields: ["a"] },
      { line: 2, fields: [""] },
      { line: 3, fields: ["b"] },
    ]);
  });

  it("reads an empty text as no record", () => {
    expect(records("")).toEqual([]);
    expect(records("\uFEFF")).toEqual([]);
  });

  it("refuses an unclosed quote, naming the line where it opened", () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual({
      status: "invalid",
      line: 2,
      reason: "guillemet ouvert mais jamais refermé",
    });
  });

  it("refuses text after a closing quote", () => {
    expect(parseCsv('a\n"x\ny"z,1\n')).toEqual({
      status: "invalid",
      line: 3,
      reason: "caractère inattendu après un guillemet fermant",
    });
  });

  it("refuses a quote inside an unquoted field", () => {
    expect(parseCsv('a,b\nab"c,d\n')).toMatchObject({ status: "invalid", line: 2 });
  });
});

describe("formatCsv", () => {
  it("quotes only what needs it and reads back the same", () => {
    const data = [
      ["nir", "adresse", "note"],
      ["1", '12 rue "Haute", Bât. B\n75001 Paris', ""],
      ["2", " espace ", "simple"],
    ];
    const text = formatCsv(data);
    expect(text).toBe('nir,adresse,note\r\n1,"12 rue ""Haute"", Bât. B\n75001 Paris",\r\n2," espace ",simple\r\n');
    expect(records(text).map((row) => row.fields)).toEqual(data);
    expect(records(text).map((row) => row.line)).toEqual([1, 2, 4]);
  });
});
