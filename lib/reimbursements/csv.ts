import { csvLine } from "@/lib/activity/csv";
import { formatDateFr } from "@/lib/format";
import { formatCentsPlain } from "./money";
import type { StatementLineView } from "./queries";

/**
 * "Exporter (CSV)" of the statement: UTF-8 with a byte-order mark, semicolons and decimal commas,
 * as French spreadsheets open it; cells are quoted and formula-proofed (lib/activity/csv.ts).
 */
export const STATEMENT_CSV_HEADER = [
  "Date des soins",
  "Bénéficiaire",
  "Type de soins",
  "Nature",
  "Code de l'acte",
  "Professionnel ou établissement",
  "Montant payé (€)",
  "Base de remboursement (€)",
  "Taux (%)",
  "Assurance Maladie (€)",
  "Complémentaire (€)",
  "Déductions (€)",
  "Reste à charge (€)",
  "Réglé le",
  "Payé à",
];

const BYTE_ORDER_MARK = "\uFEFF";

export function statementCsvHeader(): string {
  return `${BYTE_ORDER_MARK}${csvLine(STATEMENT_CSV_HEADER)}`;
}

export function statementCsvLine(line: StatementLineView): string {
  return csvLine([
    formatDateFr(line.careDate),
    line.beneficiaryName,
    line.categoryLabel,
    line.actLabel,
    line.actCode,
    line.providerName ?? "Non renseigné",
    formatCentsPlain(line.amountPaidCents),
    formatCentsPlain(line.reimbursementBaseCents),
    String(line.ratePercent),
    formatCentsPlain(line.insurerPaidCents),
    formatCentsPlain(line.complementaryPaidCents),
    formatCentsPlain(line.deductionsCents),
    formatCentsPlain(line.remainingChargeCents),
    formatDateFr(line.paymentDate),
    line.payeeLabel,
  ]);
}

/** "remboursements-2026-12-02.csv": ASCII only, nothing from the request. */
export function statementCsvFilename(now: Date): string {
  return `remboursements-${now.toISOString().slice(0, 10)}.csv`;
}
