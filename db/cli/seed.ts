import { getDatabaseHandle } from "../client";
import { migrateDatabase } from "../migrate";
import { seedDemoAgenda } from "@/lib/agenda/demo-agenda";
import { DEMO_SERVICES } from "@/lib/connected-services/demo-catalogue";
import { formatServiceImportSummary, importServices } from "@/lib/connected-services/import";
import { formatServiceCsv } from "@/lib/connected-services/service-file";
import { applyDemoStates } from "@/lib/enrolment/demo-states";
import { seedDemoMailbox } from "@/lib/messaging/demo-mailbox";
import { formatDirectoryImportSummary } from "@/lib/professionals/import";
import { seedDemoProfessionals } from "@/lib/professionals/demo-accounts";
import { buildDemoRegisterCsv } from "@/lib/register/demo-register";
import { importRegister } from "@/lib/register/import";
import { formatImportSummary, formatRegisterError } from "@/lib/register/register-file";
import { buildDemoStatementCsv } from "@/lib/reimbursements/demo-feed";
import { importStatements } from "@/lib/reimbursements/import";
import { formatStatementError } from "@/lib/reimbursements/statement-file";

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
    const directory = await seedDemoProfessionals();
    if (directory.status === "rejected") {
      console.error("Annuaire de démonstration refusé :");
      for (const error of directory.errors) console.error(`ligne ${error.line} : ${error.reason}`);
      process.exitCode = 1;
    } else {
      console.log(`Annuaire de démonstration : ${formatDirectoryImportSummary(directory)} (connexion /pro prête pour chacun).`);
      // After the directory: one of the appointments is the demo general practitioner's.
      const agenda = await seedDemoAgenda();
      console.log(`Agenda de démonstration : ${agenda.added} ajouts (rendez-vous, rappel), ${agenda.alreadyPresent} déjà présents.`);
    }
    if (directory.status !== "rejected") {
      const mailbox = await seedDemoMailbox();
      const told = {
        seeded: "un document, un message avec sa pièce jointe et leurs notifications, de la part du Dr Anne Leroy",
        "already-there": "déjà présente",
        "no-demo-patient": "aucun espace actif de démonstration",
        "no-demo-professional": "aucun professionnel de démonstration",
      } as const;
      console.log(`Messagerie de démonstration : ${told[mailbox.status]}.`);
    }
    const feed = await importStatements(buildDemoStatementCsv());
    if (feed.status === "rejected") {
      console.error("Remboursements de démonstration refusés :");
      for (const error of feed.errors) console.error(formatStatementError(error));
      process.exitCode = 1;
    } else {
      console.log(`Remboursements de démonstration : ${feed.added} lignes ajoutées, ${feed.alreadyPresent} déjà présentes.`);
    }
    const catalogue = await importServices(formatServiceCsv(DEMO_SERVICES));
    if (catalogue.status === "rejected") {
      console.error("Catalogue de démonstration refusé :");
      for (const error of catalogue.errors) console.error(`ligne ${error.line} : ${error.reason}`);
      process.exitCode = 1;
    } else {
      console.log(`Catalogue de démonstration (services fictifs) : ${formatServiceImportSummary(catalogue)}.`);
    }
  }
} finally {
  await handle.close();
}
