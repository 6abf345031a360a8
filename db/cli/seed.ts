import { getDatabaseHandle } from "../client";
import { migrateDatabase } from "../migrate";
import { applyDemoStates } from "@/lib/enrolment/demo-states";
import { buildDemoRegisterCsv } from "@/lib/register/demo-register";
import { importRegister } from "@/lib/register/import";
import { formatImportSummary, formatRegisterError } from "@/lib/register/register-file";

// npm run db:seed: the demonstration register, through the same import as the insurer's files.
// Idempotent: a second run creates nobody and changes nothing.
const handle = getDatabaseHandle();
try {
  if (handle.kind === "pglite") await migrateDatabase(handle);
  const result = await importRegister(buildDemoRegisterCsv());
  if (result.status === "rejected") {
    console.error("Registre de démonstration refusé :");
    for (const error of result.errors) console.error(formatRegisterError(error));
    process.exitCode = 1;
  } else {
    console.log(`Registre de démonstration : ${formatImportSummary(result)}.`);
    await applyDemoStates();
    console.log("Comptes de démonstration prêts (une opposition, un espace actif).");
  }
} finally {
  await handle.close();
}
