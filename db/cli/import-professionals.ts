import { formatDirectoryImportSummary, importDirectory } from "@/lib/professionals/import";
import { runCsvImport } from "./csv-import";

// npm run professionals:import -- <fichier.csv>: loads the directory of health professionals (README).
await runCsvImport({
  command: "npm run professionals:import",
  importCsv: importDirectory,
  describeImport: (result) => `${formatDirectoryImportSummary(result)}.`,
  unchangedText: "rien n'a été enregistré",
  describeError: (error) => `ligne ${error.line} : ${error.reason}`,
});
