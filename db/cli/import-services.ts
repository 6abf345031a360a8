import { formatServiceImportSummary, importServices } from "@/lib/connected-services/import";
import { runCsvImport } from "./csv-import";

// npm run services:import -- <fichier.csv>: loads the catalogue of referenced services (README).
await runCsvImport({
  command: "npm run services:import",
  importCsv: (csvText) => importServices(csvText),
  describeImport: (result) => `${formatServiceImportSummary(result)}.`,
  unchangedText: "rien n'a été enregistré",
  describeError: (error) => `ligne ${error.line} : ${error.reason}`,
});
