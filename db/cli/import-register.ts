import { importRegister } from "@/lib/register/import";
import { formatImportSummary, formatRegisterError } from "@/lib/register/register-file";
import { runCsvImport } from "./csv-import";

// npm run register:import -- <fichier.csv>: loads an export of the insurer's register.
await runCsvImport({
  command: "npm run register:import",
  importCsv: importRegister,
  describeImport: (result) => `${formatImportSummary(result)}.`,
  unchangedText: "rien n'a été enregistré",
  describeError: formatRegisterError,
});
