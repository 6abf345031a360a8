import { importStatements } from "@/lib/reimbursements/import";
import { formatStatementError } from "@/lib/reimbursements/statement-file";
import { runCsvImport } from "./csv-import";

// npm run reimbursements:import -- <fichier.csv>: loads the insurer's feed of care events and statement lines.
await runCsvImport({
  command: "npm run reimbursements:import",
  importCsv: importStatements,
  describeImport: ({ added, alreadyPresent }) =>
    `${added} ligne${added > 1 ? "s" : ""} ajoutée${added > 1 ? "s" : ""}, ${alreadyPresent} déjà présente${alreadyPresent > 1 ? "s" : ""}.`,
  unchangedText: "rien n'a été enregistré",
  describeError: formatStatementError,
});
