import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documents, emailPreferences, notifications } from "@/db/schema";
import type { ActivityTarget } from "@/lib/activity/record";
import { notifyAccountHolder } from "@/lib/delivery";
import type { EmailContent, SmsContent } from "@/lib/delivery/message-blocks";
import { type EmailTopic, NOTIFICATION_KINDS, type NotificationKind } from "./kinds";
import { type NoticeRecipient, noticeRecipientsOf } from "./recipients";

export type NotificationInput = {
  /** Whose profile it arrives in. */
  personId: string;
  kind: NotificationKind;
  title: string;
  /** A path inside the space ("/messagerie/<id>"). */
  path: string;
  actorName?: string | null;
  target?: ActivityTarget | null;
  /** A job's once-only key: a second notification with the same key is dropped, and its e-mail too. */
  dedupeKey?: string;
  at: Date;
  /**
   * The e-mail (or SMS when no address is on file) that goes with it, without health content. It
   * is queued only when the kind's topic is switched on for the profile (or has no switch), to
   * each of the profile's recipients (noticeRecipientsOf: its holder, or a child's legal
   * representatives), composed for each so that it greets them by name.
   */
  notice?: { template: string; compose: (recipient: NoticeRecipient) => { email: EmailContent; sms: SmsContent } };
};

/**
 * The one way something arrives in a profile's notification centre, in the caller's transaction
 * (a rolled-back step notifies nobody). Returns whether it was new (false: the dedupe key was taken).
 */
export async function notify(executor: Executor, input: NotificationInput): Promise<boolean> {
  const [created] = await executor
    .insert(notifications)
    .values({
      personId: input.personId,
      kind: input.kind,
      title: input.title,
      path: input.path,
      actorName: input.actorName ?? null,
      targetType: input.target?.type ?? null,
      targetId: input.target?.id ?? null,
      dedupeKey: input.dedupeKey ?? null,
      createdAt: input.at,
    })
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  if (!created) return false;
  const topic = NOTIFICATION_KINDS[input.kind].topic;
  if (input.notice && (topic === null || (await isEmailWanted(executor, input.personId, topic)))) {
    const mayTellRepresentatives = !(await isAboutHiddenDocument(executor, input));
    for (const recipient of await noticeRecipientsOf(executor, input.personId, input.at, { mayTellRepresentatives })) {
      await notifyAccountHolder(executor, recipient, { template: input.notice.template, ...input.notice.compose(recipient) });
    }
  }
  return true;
}

/** Whether the profile's switch for this topic is on (no row: every switch is on). */
export async function isEmailWanted(executor: Executor, personId: string, topic: EmailTopic): Promise<boolean> {
  const [row] = await executor.select().from(emailPreferences).where(eq(emailPreferences.personId, personId)).limit(1);
  return row ? row[topic] : true;
}

/** A notice about a document its author made invisible to legal representatives (lib/documents/access.ts): never e-mailed to them. */
async function isAboutHiddenDocument(executor: Executor, input: NotificationInput): Promise<boolean> {
  if (input.target?.type !== "document") return false;
  const [row] = await executor
    .select({ isHidden: documents.isHiddenFromLegalRepresentatives })
    .from(documents)
    .where(and(eq(documents.id, input.target.id), eq(documents.personId, input.personId)))
    .limit(1);
  return row?.isHidden ?? false;
}
