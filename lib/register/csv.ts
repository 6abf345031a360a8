/**
 * CSV as RFC 4180 writes it: comma-separated, fields optionally in double quotes, "" for a quote
 * inside a quoted field, which may also hold commas and line breaks. Accepts LF or CRLF and a
 * leading UTF-8 byte-order mark (spreadsheets add one).
 */

export type CsvRow = {
  /** 1-based physical line on which the record starts; a quoted line break moves later rows down. */
  line: number;
  fields: string[];
};

export type CsvParseResult =
  | { status: "parsed"; rows: CsvRow[] }
  | { status: "invalid"; line: number; reason: string };

const BYTE_ORDER_MARK = "\uFEFF";

/**
 * Reads every record, including blank lines (a record with one empty field), so that callers
 * decide what a blank line means. A trailing line break does not make an extra record.
 */
export function parseCsv(text: string): CsvParseResult {
  const input = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let rowLine = 1;
  let index = 0;

  const endRecord = () => {
    fields.push(field);
    rows.push({ line: rowLine, fields });
    fields = [];
    field = "";
  };

  while (index < input.length) {
    if (input[index] === '"' && field === "") {
      const quoteLine = line;
      index += 1;
      let isClosed = false;
      while (index < input.length) {
        const char = input[index];
        if (char === '"') {
          if (input[index + 1] === '"') {
            field += '"';
            index += 2;
            continue;
          }
          index += 1;
          isClosed = true;
          break;
        }
        if (char === "\n") line += 1;
        field += char;
        index += 1;
      }
      if (!isClosed) return { status: "invalid", line: quoteLine, reason: "guillemet ouvert mais jamais refermé" };
      const next = input[index];
      const isEnd = next === undefined || next === "," || next === "\n" || (next === "\r" && input[index + 1] === "\n");
      if (!isEnd) return { status: "invalid", line, reason: "caractère inattendu après un guillemet fermant" };
      // A quoted empty field ("") must still count as a field of its own when it ends the record.
      if (next === undefined) {
        endRecord();
        return { status: "parsed", rows };
      }
      continue;
    }

    const char = input[index];
    if (char === ",") {
      fields.push(field);
      field = "";
      index += 1;
    } else if (char === "\n" || (char === "\r" && input[index + 1] === "\n")) {
      endRecord();
      index += char === "\r" ? 2 : 1;
      line += 1;
      rowLine = line;
    } else if (char === '"') {
      return { status: "invalid", line, reason: "guillemet au milieu d'un champ (le champ doit être entre guillemets)" };
    } else {
      field += char;
      index += 1;
    }
  }

  if (field !== "" || fields.length > 0) endRecord();
  return { status: "parsed", rows };
}

function quoteField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Writes records with CRLF line ends, quoting only the fields that need it. */
export function formatCsv(records: readonly (readonly string[])[]): string {
  return records.map((record) => record.map(quoteField).join(",") + "\r\n").join("");
}
