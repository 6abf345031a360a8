import { getDatabaseHandle } from "../client";
import { migrateDatabase } from "../migrate";
import { rotateMasterKeys } from "@/lib/documents/maintenance";
import { getMasterKeyRing } from "@/lib/documents/master-keys";

// npm run keys:rotate: re-wraps every document's and every message attachment's data key under the
// current master key (the last of DOCUMENT_MASTER_KEYS), batch by batch. Safe to interrupt and to run again: it resumes with
// the rows still under an older key. Keep the older keys configured until it reports 0 remaining.
const handle = getDatabaseHandle();
try {
  if (handle.kind === "pglite") await migrateDatabase(handle);
  const batchSize = Number(process.argv.find((argument) => argument.startsWith("--batch="))?.slice("--batch=".length) ?? 200);
  const { currentId } = getMasterKeyRing();
  const report = await rotateMasterKeys(handle.db, { batchSize });
  console.log(
    `Clé maîtresse courante : ${currentId}. ${report.documents.rewrapped} clé(s) de document et ${report.attachments.rewrapped} clé(s) de pièce jointe réenveloppée(s), ${report.remaining} restante(s).`,
  );
  for (const id of report.documents.failedIds) console.error(`- document ${id} : sa clé ne se déchiffre pas (clé maîtresse absente ou clé endommagée).`);
  for (const id of report.attachments.failedIds) console.error(`- pièce jointe ${id} : sa clé ne se déchiffre pas (clé maîtresse absente ou clé endommagée).`);
  if (report.remaining > 0) process.exitCode = 1;
} finally {
  await handle.close();
}
