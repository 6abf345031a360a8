import { getDatabaseHandle } from "../client";
import { migrateDatabase } from "../migrate";
import { DEFAULT_SWEEP_GRACE_MINUTES, sweepOrphanObjects } from "@/lib/documents/maintenance";

// npm run documents:sweep [-- --grace-minutes=60]: removes the encrypted objects that no document
// refers to (a crash between an object's write and its row's commit, or a deleted document on
// disk or S3), in every configured store, if older than the grace period.
const handle = getDatabaseHandle();
try {
  if (handle.kind === "pglite") await migrateDatabase(handle);
  const grace = process.argv.find((argument) => argument.startsWith("--grace-minutes="))?.slice("--grace-minutes=".length);
  const report = await sweepOrphanObjects(handle.db, { now: new Date(), graceMinutes: grace ? Number(grace) : DEFAULT_SWEEP_GRACE_MINUTES });
  for (const [store, counts] of Object.entries(report)) {
    console.log(`${store} : ${counts.checked} objet(s) examiné(s), ${counts.removed} orphelin(s) supprimé(s).`);
  }
} finally {
  await handle.close();
}
