import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { calendarFeeds, insuredPersons, representations } from "@/db/schema";
import { type Actor } from "@/lib/access/actor";
import { isLiveRepresentation } from "@/lib/access/representations";
import { activityOf, recordActivity } from "@/lib/activity/record";
import { displayName } from "@/lib/register/person-name";
import { findAllAppointmentsOfPerson } from "./appointments";
import { buildAgendaCalendar } from "./ics";
import { findAllRemindersOfPerson } from "./reminders";

/**
 * The private calendar subscription address ("so a phone's calendar follows the agenda"): one
 * per account and space, opened by a long random token alone, since a calendar application
 * has no session. Only the token's SHA-256 is stored (the token has 256 bits of randomness: a
 * slow hash would add nothing), so the address is shown once; renewing it replaces the hash,
 * and the old address answers "not found" from then on. It also stops when the account may no
 * longer open the space (a representation revoked or ended).
 */

const TOKEN_BYTES = 32;
/** base64url of 32 bytes. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** The file name a calendar application sees at the end of the address. */
export const FEED_SUFFIX = ".ics";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** When the subject's address was last made for this account, or null if it has none. */
export async function findCalendarFeedRenewal({ actor }: { actor: Actor }): Promise<Date | null> {
  const [row] = await getDb()
    .select({ renewedAt: calendarFeeds.renewedAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.accountId, actor.account.id), eq(calendarFeeds.personId, actor.subject.personId)))
    .limit(1);
  return row?.renewedAt ?? null;
}

/** « Créer mon adresse d'abonnement » / « Renouveler l'adresse »: a new token, which ends the previous one. */
export async function renewCalendarFeed({ actor, now }: { actor: Actor; now: Date }, executor: Executor = getDb()): Promise<{ token: string }> {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  const tokenHash = hashToken(token);
  await executor.transaction(async (tx) => {
    const [row] = await tx
      .insert(calendarFeeds)
      .values({ accountId: actor.account.id, personId: actor.subject.personId, tokenHash, renewedAt: now, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: [calendarFeeds.accountId, calendarFeeds.personId], set: { tokenHash, renewedAt: now, updatedAt: now } })
      .returning({ id: calendarFeeds.id });
    if (!row) throw new Error("calendar feed not stored");
    await recordActivity(tx, { ...activityOf(actor), action: "agenda.calendar-feed-renewed", target: { type: "calendar_feed", id: row.id }, at: now });
  });
  return { token };
}

/** The calendar an address's token opens (with or without its ".ics"), or null: unknown, renewed since, or no longer the account's to see. */
export async function readCalendarFeed({ token, now }: { token: string; now: Date }, executor: Executor = getDb()): Promise<string | null> {
  const bare = token.endsWith(FEED_SUFFIX) ? token.slice(0, -FEED_SUFFIX.length) : token;
  if (!TOKEN_PATTERN.test(bare)) return null;
  const [feed] = await executor
    .select({ personId: calendarFeeds.personId, firstNames: insuredPersons.firstNames, birthName: insuredPersons.birthName, usageName: insuredPersons.usageName })
    .from(calendarFeeds)
    .innerJoin(
      representations,
      and(eq(representations.actorAccountId, calendarFeeds.accountId), eq(representations.subjectPersonId, calendarFeeds.personId), isLiveRepresentation(now)),
    )
    .innerJoin(insuredPersons, eq(insuredPersons.id, calendarFeeds.personId))
    .where(eq(calendarFeeds.tokenHash, hashToken(bare)))
    .limit(1);
  if (!feed) return null;
  const [appointments, reminders] = await Promise.all([findAllAppointmentsOfPerson(executor, feed.personId), findAllRemindersOfPerson(executor, feed.personId)]);
  return buildAgendaCalendar({ appointments, reminders, name: `Agenda de ${displayName(feed)} – Mon espace santé`, now });
}

/** The subject's whole agenda as one file, for « Exporter mon agenda (.ics) ». */
export async function exportAgenda({ actor, now }: { actor: Actor; now: Date }): Promise<string> {
  const db = getDb();
  const [appointments, reminders] = await Promise.all([findAllAppointmentsOfPerson(db, actor.subject.personId), findAllRemindersOfPerson(db, actor.subject.personId)]);
  return buildAgendaCalendar({ appointments, reminders, name: `Agenda de ${actor.subject.fullName} – Mon espace santé`, now });
}
