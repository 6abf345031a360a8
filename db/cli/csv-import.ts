import { readFile } from "node:fs/promises";
import { getDatabaseHandle } from "../client";
import { migrateDatabase } from "../migrate";

type ImportResult<Imported, LineError> = ({ status: "imported" } & Imported) | { status: "rejected"; errors: readonly LineError[] };

/**
 * The one shape of our CSV import commands (register, directory, access matrix): the file named on
 * the command line, read as UTF-8 only (a fatal decoder refuses Latin-1 exports instead of storing
 * mangled names), imported whole or refused with every bad line's reason and exit code 1.
 */
export async function runCsvImport<Imported, LineError>({
  command,
  importCsv,
  describeImport,
  unchangedText,
  describeError,
}: {
  /** "npm run register:import", for the usage line. */
  command: string;
  importCsv: (csvText: string) => Promise<ImportResult<Imported, LineError>>;
  describeImport: (result: Imported) => string;
  /** What a refusal leaves as it was: "rien n'a été enregistré". */
  unchangedText: string;
  describeError: (error: LineError) => string;
}): Promise<void> {
  const filePath = process.argv[2];
  if (!filePath) {
    console.error(`Usage : ${command} -- <fichier.csv>`);
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
    const result = await importCsv(csvText);
    if (result.status === "imported") {
      console.log(describeImport(result));
    } else {
      const count = result.errors.length;
      console.error(`Fichier refusé, ${unchangedText} (${count} erreur${count > 1 ? "s" : ""}) :`);
      for (const error of result.errors) console.error(describeError(error));
      process.exitCode = 1;
    }
  } finally {
    await handle.close();
  }
}
