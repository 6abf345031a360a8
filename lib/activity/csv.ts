import { formatDateFr, formatTimeFr } from "@/lib/format";
import type { ActivityView } from "./history";

/**
 * The CSV export of "Historique d'activité": UTF-8 with a byte-order mark and semicolons, as
 * French spreadsheets open it without an import dialog.
 */
export const ACTIVITY_CSV_HEADER = ["Date", "Heure", "Auteur", "Type d'auteur", "Pour le compte de", "Action", "Catégorie", "Urgence"];

const BYTE_ORDER_MARK = "\uFEFF";

/**
 * One cell, always quoted. A cell a spreadsheet would read as a formula (=, +, -, @, or a tab or
 * carriage return first) starts with an apostrophe instead: a name typed as "=HYPERLINK(…)" stays
 * text (OWASP, CSV injection).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(";")}\r\n`;
}

export function activityCsvHeader(): string {
  return `${BYTE_ORDER_MARK}${csvLine(ACTIVITY_CSV_HEADER)}`;
}

export function activityCsvLine(event: ActivityView): string {
  return csvLine([
    formatDateFr(event.at),
    formatTimeFr(event.at),
    event.actorName,
    event.actorKindLabel,
    event.onBehalfOfLabel,
    event.label,
    event.groupLabel,
    event.isEmergency ? "Oui" : "Non",
  ]);
}

/** "historique-activite-2026-12-02.csv": ASCII only, nothing from the request. */
export function activityCsvFilename(now: Date): string {
  return `historique-activite-${now.toISOString().slice(0, 10)}.csv`;
}
