import { readFile } from "node:fs/promises";
import { getDatabaseHandle } from "../client";
import { migrateDatabase } from "../migrate";
import { formatDirectoryImportSummary, importDirectory } from "@/lib/professionals/import";

// npm run professionals:import -- <fichier.csv>: loads the directory of health professionals (README).
const filePath = process.argv[2];
if (!filePath) {
  console.error("Usage : npm run professionals:import -- <fichier.csv>");
  process.exit(2);
}

let csvText: string;
try {
  // A fatal decoder refuses Latin-1 exports instead of storing mangled names.
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
  const result = await importDirectory(csvText);
  if (result.status === "imported") {
    console.log(`${formatDirectoryImportSummary(result)}.`);
  } else {
    console.error(`Fichier refusé, rien n'a été enregistré (${result.errors.length} erreur${result.errors.length > 1 ? "s" : ""}) :`);
    for (const error of result.errors) console.error(`ligne ${error.line} : ${error.reason}`);
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
