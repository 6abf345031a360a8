import { getDatabaseHandle } from "../client";
import { migrateDatabase } from "../migrate";
import { runAgendaReminderJob } from "@/lib/agenda/reminder-job";
import { deleteStaleAuthRows } from "@/lib/auth/cleanup";
import { deliverPendingMessages } from "@/lib/delivery";
import { runEnrolmentJobs } from "@/lib/enrolment/jobs";

// Any scheduler may call this (cron, systemd timer, Kubernetes CronJob); a second run sends nothing twice.
const handle = getDatabaseHandle();
if (handle.kind === "pglite") await migrateDatabase(handle);
const report = await runEnrolmentJobs();
const agenda = await runAgendaReminderJob();
// The enrolment jobs delivered what they queued; the agenda's reminders go out now.
await deliverPendingMessages({ limit: 500 });
const cleaned = await deleteStaleAuthRows(handle.db, new Date());
console.log(
  `Notifications : ${report.notifiedByEmail} par e-mail, ${report.notifiedByLetter} par courrier, ` +
    `${report.unreachable} sans coordonnées ; espaces créés après le délai : ${report.spacesOpened}.`,
);
console.log(
  `Agenda : ${agenda.appointments} rappels de rendez-vous, ${agenda.reminders} rappels, ` +
    `${agenda.preventiveItems} échéances du calendrier de prévention.`,
);
console.log(
  `Nettoyage : ${cleaned.challenges} tentatives de connexion, ${cleaned.lockouts} blocages d'identifiants inconnus, ` +
    `${cleaned.sessions} sessions terminées.`,
);
await handle.close();
