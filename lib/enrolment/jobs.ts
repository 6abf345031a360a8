import "server-only";
import { and, asc, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { spaces } from "@/db/schema";
import { SYSTEM_ACTOR, recordActivity } from "@/lib/activity/record";
import { getSettings } from "@/lib/env";
import { deliverPendingMessages, queueEmail, queuePostalLetter } from "@/lib/delivery";
import { notificationEmail } from "@/lib/delivery/templates/enrolment";
import { renderNotificationLetter } from "@/lib/pdf/notification-letter";
import { deleteExpiredRateLimitWindows } from "@/lib/rate-limit";
import { displayName, usualFirstName } from "@/lib/register/person-name";
import { lockPersonSpace } from "./flows";
import { createProvisionalCode } from "./provisional-codes";

const DAY_MS = 86_400_000;

export type EnrolmentJobReport = { notifiedByEmail: number; notifiedByLetter: number; unreachable: number; spacesOpened: number };

/**
 * The scheduled enrolment work, safe to run as often as any scheduler likes: each person is
 * claimed under a row lock and marked notified in the same transaction as the message, so a
 * second run (or a concurrent one) sends nothing twice. `now` is injected for tests.
 */
export async function runEnrolmentJobs({ now = new Date(), batchSize = 200 }: { now?: Date; batchSize?: number } = {}): Promise<EnrolmentJobReport> {
  const report: EnrolmentJobReport = { notifiedByEmail: 0, notifiedByLetter: 0, unreachable: 0, spacesOpened: 0 };
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const batch = await findUnnotifiedPersonIds(after, batchSize);
    if (batch.length === 0) break;
    after = batch[batch.length - 1] ?? after;
    for (const personId of batch) {
      const outcome = await notifyPerson(personId, now);
      if (outcome === "email") report.notifiedByEmail += 1;
      else if (outcome === "letter") report.notifiedByLetter += 1;
      else if (outcome === "unreachable") report.unreachable += 1;
    }
    if (batch.length < batchSize) break;
  }
  report.spacesOpened = await openSpacesAfterWaitingPeriod(now);
  await deleteExpiredRateLimitWindows(getDb(), now);
  await deliverPendingMessages({ limit: 500 });
  return report;
}

async function findUnnotifiedPersonIds(after: string, limit: number): Promise<string[]> {
  const rows = await getDb()
    .select({ personId: spaces.personId })
    .from(spaces)
    .where(and(eq(spaces.status, "pending"), isNull(spaces.notifiedAt), gt(spaces.personId, after)))
    .orderBy(asc(spaces.personId))
    .limit(limit);
  return rows.map((row) => row.personId);
}

type NotifyOutcome = "email" | "letter" | "unreachable" | "skipped";

async function notifyPerson(personId: string, now: Date): Promise<NotifyOutcome> {
  const settings = getSettings();
  return getDb().transaction(async (tx): Promise<NotifyOutcome> => {
    const { person, space } = await lockPersonSpace(tx, personId);
    if (space.status !== "pending" || space.notifiedAt) return "skipped";
    const openingDate = new Date(now.getTime() + settings.WAITING_PERIOD_DAYS * DAY_MS);
    const codeValidUntil = new Date(now.getTime() + settings.NOTIFICATION_CODE_VALIDITY_DAYS * DAY_MS);

    let outcome: "email" | "letter";
    if (person.email) {
      const { code } = await createProvisionalCode(tx, { personId, channel: "email", validUntil: codeValidUntil, now });
      await queueEmail(tx, {
        personId,
        to: person.email,
        template: "notification",
        ...notificationEmail({ firstName: usualFirstName(person), code, codeValidUntil, openingDate }),
      });
      outcome = "email";
    } else if (person.postalAddress) {
      const { code } = await createProvisionalCode(tx, { personId, channel: "letter", validUntil: codeValidUntil, now });
      const pdf = await renderNotificationLetter({
        fullName: displayName(person),
        postalAddress: person.postalAddress,
        code,
        codeValidUntil,
        openingDate,
      });
      await queuePostalLetter(tx, { personId, kind: "notification", postalAddress: person.postalAddress, pdf });
      outcome = "letter";
    } else {
      // Without any address nobody can be informed, and the waiting period runs from the
      // information: stay unnotified, so the run after the insurer completes the register sends it.
      return "unreachable";
    }
    await tx
      .update(spaces)
      .set({
        notifiedAt: now,
        notificationChannel: outcome,
        waitingPeriodEndsAt: openingDate,
      })
      .where(eq(spaces.personId, personId));
    await recordActivity(tx, { subjectPersonId: personId, actor: SYSTEM_ACTOR, action: "enrolment.notified", at: now });
    return outcome;
  });
}

/**
 * Creates the space of everyone informed whose waiting period ended without opposition, each with
 * its activity event. In batches: one transaction per batch keeps the per-subject history locks
 * it holds (one each) well within the server's lock table.
 */
export async function openSpacesAfterWaitingPeriod(now: Date, batchSize = 200): Promise<number> {
  let total = 0;
  for (;;) {
    const opened = await getDb().transaction(async (tx) => {
      const due = await tx
        .select({ personId: spaces.personId })
        .from(spaces)
        .where(and(eq(spaces.status, "pending"), lte(spaces.waitingPeriodEndsAt, now)))
        .orderBy(asc(spaces.personId))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      if (due.length === 0) return 0;
      const personIds = due.map((row) => row.personId);
      await tx.update(spaces).set({ status: "created", openedAt: now }).where(inArray(spaces.personId, personIds));
      for (const personId of personIds) {
        await recordActivity(tx, { subjectPersonId: personId, actor: SYSTEM_ACTOR, action: "enrolment.space-created", at: now });
      }
      return personIds.length;
    });
    total += opened;
    if (opened < batchSize) return total;
  }
}
