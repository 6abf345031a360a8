import "server-only";
import { type SQL, and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { documents, emailPreferences, notifications } from "@/db/schema";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";
import { type ActivityAction, activityOf, recordActivity } from "@/lib/activity/record";
import { type EmailTopic, NOTIFICATION_KINDS, type NotificationKind } from "./kinds";
import { encodeNotificationCursor } from "./schemas";

export const notificationRules = {
  /** Notifications on one page of the centre. */
  pageSize: 20,
} as const;

/**
 * The one rule of which notifications a request reaches: the subject's own, except, for a legal
 * representative, those about a document its author made invisible to legal representatives
 * (the rule of lib/documents/access.ts: the notice of a document must not reveal what the
 * document's list hides). Anything else is not found.
 */
export function isReachableNotification(actor: Actor): SQL {
  const owned = isOwnedBySubject(actor, notifications.personId);
  if (actor.subject.basis !== "legal_representative") return owned;
  const hiddenDocument = sql`exists (select 1 from ${documents} where ${documents.id} = ${notifications.targetId} and ${documents.isHiddenFromLegalRepresentatives})`;
  return and(owned, sql`(${notifications.targetType} is distinct from 'document' or not ${hiddenDocument})`) as SQL;
}

export type NotificationView = {
  id: string;
  kind: NotificationKind;
  title: string;
  path: string;
  linkLabel: string;
  actorName: string | null;
  createdAt: Date;
  isRead: boolean;
};

export type NotificationPage = { notifications: NotificationView[]; olderCursor: string | null; isFirstPage: boolean };

/**
 * One page of the subject's centre, newest first, by keyset on (created_at, id) as its index
 * orders them: the hundredth page costs what the first does. A cursor past the end gives the first page.
 */
export async function findNotificationPage({
  actor,
  cursor,
}: {
  actor: Actor;
  cursor: { at: Date; id: string } | null;
}): Promise<NotificationPage> {
  const conditions = [isReachableNotification(actor)];
  if (cursor) {
    conditions.push(
      sql`(${notifications.createdAt}, ${notifications.id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  const rows = await getDb()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      path: notifications.path,
      actorName: notifications.actorName,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(notificationRules.pageSize + 1);
  if (rows.length === 0 && cursor) return findNotificationPage({ actor, cursor: null });
  const page = rows.slice(0, notificationRules.pageSize);
  const last = page[page.length - 1];
  return {
    notifications: page.map(({ readAt, ...row }) => ({ ...row, linkLabel: NOTIFICATION_KINDS[row.kind].linkLabel, isRead: readAt !== null })),
    olderCursor: rows.length > notificationRules.pageSize && last ? encodeNotificationCursor(last) : null,
    isFirstPage: cursor === null,
  };
}

/** The unread count of the navigation and of Accueil (a partial index holds the unread rows). */
export async function countUnreadNotifications({ actor }: { actor: Actor }): Promise<number> {
  const [row] = await getDb()
    .select({ unread: count() })
    .from(notifications)
    .where(and(isReachableNotification(actor), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}

/** Where one reachable notification leads, or null (someone else's, or deleted). */
export async function findNotificationPath({ actor, notificationId }: { actor: Actor; notificationId: string }): Promise<string | null> {
  const [row] = await getDb()
    .select({ path: notifications.path })
    .from(notifications)
    .where(and(eq(notifications.id, notificationId), isReachableNotification(actor)))
    .limit(1);
  return row?.path ?? null;
}

export type NotificationChange = { status: "done" } | { status: "not-found" };

async function record(executor: Executor, actor: Actor, action: ActivityAction, id: string, now: Date) {
  await recordActivity(executor, { ...activityOf(actor), action, target: { type: "notification", id }, at: now });
}

/**
 * Marks one notification read or unread, with its event. Someone else's, or one already in that
 * state, changes nothing: not found for the first, done without an event for the second.
 */
export async function markNotification({
  actor,
  notificationId,
  isRead,
  now,
}: {
  actor: Actor;
  notificationId: string;
  isRead: boolean;
  now: Date;
}): Promise<NotificationChange> {
  return getDb().transaction(async (tx) => {
    const [found] = await tx
      .select({ readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.id, notificationId), isReachableNotification(actor)))
      .for("update")
      .limit(1);
    if (!found) return { status: "not-found" };
    if ((found.readAt !== null) === isRead) return { status: "done" };
    await tx
      .update(notifications)
      .set({ readAt: isRead ? now : null })
      .where(and(eq(notifications.id, notificationId), isOwnedBySubject(actor, notifications.personId)));
    await record(tx, actor, isRead ? "notifications.read" : "notifications.unread", notificationId, now);
    return { status: "done" };
  });
}

/** Deletes one notification (the service's message to the person, not their data), with its event. */
export async function deleteNotification({ actor, notificationId, now }: { actor: Actor; notificationId: string; now: Date }): Promise<NotificationChange> {
  return getDb().transaction(async (tx) => {
    const [deleted] = await tx
      .delete(notifications)
      .where(and(eq(notifications.id, notificationId), isReachableNotification(actor)))
      .returning({ id: notifications.id });
    if (!deleted) return { status: "not-found" };
    await record(tx, actor, "notifications.deleted", deleted.id, now);
    return { status: "done" };
  });
}

/** "Tout marquer comme lu": every unread notification the actor reaches, one event (none when nothing was unread). */
export async function markAllNotificationsRead({ actor, now }: { actor: Actor; now: Date }): Promise<{ status: "done"; marked: number }> {
  return getDb().transaction(async (tx) => {
    const marked = await tx
      .update(notifications)
      .set({ readAt: now })
      .where(and(isReachableNotification(actor), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (marked.length > 0) {
      await recordActivity(tx, { ...activityOf(actor), action: "notifications.all-read", target: null, at: now });
    }
    return { status: "done", marked: marked.length };
  });
}

export type EmailPreferences = Record<EmailTopic, boolean>;

export const DEFAULT_EMAIL_PREFERENCES: EmailPreferences = {
  newDocument: true,
  newMessage: true,
  prevention: true,
  screenings: true,
  connectedServices: true,
};

/** The subject's five switches (no row: all on). */
export async function findEmailPreferences({ actor }: { actor: Actor }): Promise<EmailPreferences> {
  const [row] = await getDb()
    .select({
      newDocument: emailPreferences.newDocument,
      newMessage: emailPreferences.newMessage,
      prevention: emailPreferences.prevention,
      screenings: emailPreferences.screenings,
      connectedServices: emailPreferences.connectedServices,
    })
    .from(emailPreferences)
    .where(isOwnedBySubject(actor, emailPreferences.personId))
    .limit(1);
  return row ?? DEFAULT_EMAIL_PREFERENCES;
}

/** Saves the subject's switches, with its event when anything changed. */
export async function saveEmailPreferences({
  actor,
  preferences,
  now,
}: {
  actor: Actor;
  preferences: EmailPreferences;
  now: Date;
}): Promise<{ status: "done"; isChanged: boolean }> {
  return getDb().transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(emailPreferences)
      .where(isOwnedBySubject(actor, emailPreferences.personId))
      .for("update")
      .limit(1);
    const before = current ?? DEFAULT_EMAIL_PREFERENCES;
    const isChanged = (Object.keys(DEFAULT_EMAIL_PREFERENCES) as EmailTopic[]).some((topic) => before[topic] !== preferences[topic]);
    if (!isChanged) return { status: "done", isChanged };
    await tx
      .insert(emailPreferences)
      .values({ personId: actor.subject.personId, ...preferences, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: emailPreferences.personId, set: { ...preferences, updatedAt: now } });
    await recordActivity(tx, {
      ...activityOf(actor),
      action: "notifications.preferences-changed",
      target: { type: "email_preferences", id: actor.subject.personId },
      at: now,
    });
    return { status: "done", isChanged };
  });
}
