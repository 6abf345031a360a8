import { importAccessMatrix } from "@/lib/professional-access/matrix";
import { formatAccessMatrixError } from "@/lib/professional-access/matrix-file";
import { runCsvImport } from "./csv-import";

// npm run access-matrix:import -- <fichier.csv>: replaces the access matrix with the official table.
await runCsvImport({
  command: "npm run access-matrix:import",
  importCsv: importAccessMatrix,
  describeImport: (result) => `Matrice d'habilitations remplacée : ${result.entries} couples, dont ${result.accessible} accessibles.`,
  unchangedText: "la matrice n'a pas changé",
  describeError: formatAccessMatrixError,
});
