import { getDatabaseHandle } from "../client";
import { migrateDatabase } from "../migrate";
import { type ChainBreak, verifyActivityChains } from "@/lib/activity/verify";

const REASONS: Record<ChainBreak["reason"], string> = {
  altered: "son contenu a été modifié (son empreinte ne correspond plus)",
  unlinked: "il n'est plus chaîné à l'événement précédent (modifié ou supprimé)",
  missing: "un ou plusieurs événements manquent avant lui",
};

// npm run activity:verify: walks every person's activity history and reports each break of its
// hash chain. Exit code 1 when there is one, so a scheduler or a monitoring probe can alert.
const handle = getDatabaseHandle();
try {
  if (handle.kind === "pglite") await migrateDatabase(handle);
  const report = await verifyActivityChains(handle.db);
  console.log(`Historique d'activité : ${report.events} événements vérifiés pour ${report.subjects} personnes.`);
  if (report.breaks.length === 0) {
    console.log("Aucune rupture de chaîne.");
  } else {
    console.error(`${report.breaks.length} rupture${report.breaks.length > 1 ? "s" : ""} de chaîne :`);
    for (const found of report.breaks) {
      console.error(`- personne ${found.subjectPersonId}, événement n° ${found.sequence} (${found.eventId}) : ${REASONS[found.reason]}.`);
    }
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
