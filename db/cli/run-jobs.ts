import { getDatabaseHandle } from "../client";
import { migrateDatabase } from "../migrate";
import { deleteStaleAuthRows } from "@/lib/auth/cleanup";
import { runEnrolmentJobs } from "@/lib/enrolment/jobs";

// Any scheduler may call this (cron, systemd timer, Kubernetes CronJob); a second run sends nothing twice.
const handle = getDatabaseHandle();
if (handle.kind === "pglite") await migrateDatabase(handle);
const report = await runEnrolmentJobs();
const cleaned = await deleteStaleAuthRows(handle.db, new Date());
console.log(
  `Notifications : ${report.notifiedByEmail} par e-mail, ${report.notifiedByLetter} par courrier, ` +
    `${report.unreachable} sans coordonnées ; espaces créés après le délai : ${report.spacesOpened}.`,
);
console.log(
  `Nettoyage : ${cleaned.challenges} tentatives de connexion, ${cleaned.lockouts} blocages d'identifiants inconnus, ` +
    `${cleaned.sessions} sessions terminées.`,
);
await handle.close();
