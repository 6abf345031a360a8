import { isDocumentTypeCode } from "@/lib/documents/document-types";
import { isProfessionCode } from "@/lib/professionals/professions";
import { parseCsv } from "@/lib/register/csv";
import type { AccessMatrixEntry } from "./default-matrix";

/** The header of an access matrix file (README « Importing the access matrix »). */
export const ACCESS_MATRIX_COLUMNS = ["code_profession", "code_type_document", "accessible"] as const;

export type AccessMatrixFileError = { line: number; reason: string };

export type AccessMatrixFile = { entries: AccessMatrixEntry[]; errors: AccessMatrixFileError[] };

/** The spellings of a yes or a no that spreadsheets and the CMS export write. */
const ACCESSIBLE_VALUES: Record<string, boolean> = { oui: true, non: false, true: true, false: false, "1": true, "0": false };

/**
 * Reads and checks an access matrix file without touching the database: header, each line's codes
 * (unknown professions and document types refused: a typo would silently close or open a type),
 * the accessible column, and pairs given twice. A pair the file leaves out is not accessible.
 */
export function readAccessMatrixFile(csvText: string): AccessMatrixFile {
  const parsed = parseCsv(csvText);
  if (parsed.status === "invalid") return rejectWhole({ line: parsed.line, reason: `fichier CSV illisible (${parsed.reason})` });
  const [header, ...records] = parsed.rows.filter((row) => !(row.fields.length === 1 && row.fields[0]?.trim() === ""));
  if (!header) return rejectWhole({ line: 1, reason: "fichier vide (en-tête attendu)" });
  if (header.fields.map((field) => field.trim()).join(",") !== ACCESS_MATRIX_COLUMNS.join(",")) {
    return rejectWhole({ line: header.line, reason: `en-tête incorrect : « ${ACCESS_MATRIX_COLUMNS.join(",")} » attendu` });
  }
  if (records.length === 0) return rejectWhole({ line: header.line, reason: "aucune ligne après l'en-tête" });

  const entries: AccessMatrixEntry[] = [];
  const errors: AccessMatrixFileError[] = [];
  const firstLineByPair = new Map<string, number>();
  for (const { line, fields } of records) {
    if (fields.length !== ACCESS_MATRIX_COLUMNS.length) {
      errors.push({ line, reason: `${ACCESS_MATRIX_COLUMNS.length} colonnes attendues, ${fields.length} trouvée${fields.length > 1 ? "s" : ""}` });
      continue;
    }
    const [professionCode = "", documentTypeCode = "", accessible = ""] = fields.map((field) => field.trim());
    const reasons: string[] = [];
    if (!isProfessionCode(professionCode)) reasons.push(`code de profession inconnu « ${professionCode} »`);
    if (!isDocumentTypeCode(documentTypeCode)) reasons.push(`code de type de document inconnu « ${documentTypeCode} »`);
    const isAccessible = ACCESSIBLE_VALUES[accessible.toLowerCase()];
    if (isAccessible === undefined) reasons.push(`valeur « ${accessible} » pour accessible : « oui » ou « non » attendu`);
    const pair = `${professionCode}\u0000${documentTypeCode}`;
    const firstLine = firstLineByPair.get(pair);
    if (firstLine !== undefined) reasons.push(`couple profession et type de document en double (déjà présent ligne ${firstLine})`);
    else firstLineByPair.set(pair, line);
    if (reasons.length > 0 || isAccessible === undefined) {
      errors.push(...reasons.map((reason) => ({ line, reason })));
      continue;
    }
    entries.push({ professionCode, documentTypeCode, isAccessible });
  }
  return errors.length > 0 ? { entries: [], errors } : { entries, errors };
}

function rejectWhole(error: AccessMatrixFileError): AccessMatrixFile {
  return { entries: [], errors: [error] };
}

/** "ligne 7 : code de profession inconnu « 99 »". */
export function formatAccessMatrixError(error: AccessMatrixFileError): string {
  return `ligne ${error.line} : ${error.reason}`;
}
