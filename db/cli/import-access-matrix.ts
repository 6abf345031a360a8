import { readFile } from "node:fs/promises";
import { getDatabaseHandle } from "../client";
import { migrateDatabase } from "../migrate";
import { importAccessMatrix } from "@/lib/professional-access/matrix";
import { formatAccessMatrixError } from "@/lib/professional-access/matrix-file";

// npm run access-matrix:import -- <fichier.csv>: replaces the access matrix with the official table.
const filePath = process.argv[2];
if (!filePath) {
  console.error("Usage : npm run access-matrix:import -- <fichier.csv>");
  process.exit(2);
}

let csvText: string;
try {
  csvText = new TextDecoder("utf-8", { fatal: true }).decode(await readFile(filePath));
} catch (error) {
  const reason =
    error instanceof TypeError ? "le fichier n'est pas encodé en UTF-8" : `lecture impossible (${(error as Error).message})`;
  console.error(`${filePath} : ${reason}.`);
  process.exit(1);
}

const handle = getDatabaseHandle();
try {
  if (handle.kind === "pglite") await migrateDatabase(handle);
  const result = await importAccessMatrix(csvText);
  if (result.status === "imported") {
    console.log(`Matrice d'habilitations remplacée : ${result.entries} couples, dont ${result.accessible} accessibles.`);
  } else {
    console.error(`Fichier refusé, la matrice n'a pas changé (${result.errors.length} erreur${result.errors.length > 1 ? "s" : ""}) :`);
    for (const error of result.errors) console.error(formatAccessMatrixError(error));
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
