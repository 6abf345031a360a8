import "server-only";
import { randomUUID } from "node:crypto";
import { desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type AccountKind, accountEvents, accounts, activityEvents, insuredPersons } from "@/db/schema";
import type { ActivityActorKind, ActivityBasis } from "@/db/schema/activity";
import type { Actor } from "@/lib/access/actor";
import { displayName } from "@/lib/register/person-name";
import { ACTIVITY_ACTIONS, type ActivityAction } from "./actions";
import { hashActivity } from "./hash";

export type { ActivityAction };

/** What an event can point at; the id is that row's id (no foreign key: sessions and attempts are deleted later). */
export type ActivityTargetType =
  | "account"
  | "agenda_reminder"
  | "appointment"
  | "calendar_feed"
  | "auth_challenge"
  | "contact_verification"
  | "conversation"
  | "entourage_contact"
  | "health_professional_contact"
  | "document"
  | "emergency_access"
  | "professional_access"
  | "document_folder"
  | "emergency_access_settings"
  | "measurement"
  | "measurement_target"
  | "notification"
  | "email_preferences"
  | "message_attachment"
  | "opposition"
  | "professional_access"
  | "profile_item"
  | "medical_profile"
  | "provisional_code"
  | "questionnaire"
  | "service_connection"
  | "session";

/**
 * Who acted. `name` may be left out for a patient (their account's person, or the subject when
 * they have no account yet) and for the system ("Mon espace santé"); a professional or a service
 * always says who they are.
 */
export type ActivityActor = { kind: ActivityActorKind; accountId: string | null; name?: string };

export type ActivityTarget = { type: ActivityTargetType; id: string };

export type ActivityEventInput = {
  subjectPersonId: string;
  actor: ActivityActor;
  /** The representation basis the actor acted on; their own space unless said otherwise. */
  onBehalfOf?: ActivityBasis;
  action: ActivityAction;
  target?: ActivityTarget | null;
  isEmergency?: boolean;
  at: Date;
};

export const SYSTEM_ACTOR: ActivityActor = { kind: "system", accountId: null, name: "Mon espace santé" };

/** A signed-in account (or one whose password or code was just typed) acting. */
export function accountActor(account: { id: string; kind: AccountKind }): ActivityActor {
  return { kind: account.kind, accountId: account.id };
}

/**
 * An event of an account in its holder's own history: logins, logouts, password changes belong to
 * the person whose login it is, whichever space they had open. An account that is no person's
 * login (a professional's) has no patient's history to go to: its events go to the account's own
 * append-only history (account_events), in the same transaction.
 */
export async function recordAccountActivity(
  executor: Executor,
  account: { id: string; kind: AccountKind; personId: string | null },
  { action, target }: { action: ActivityAction; target?: ActivityTarget },
  at: Date,
): Promise<void> {
  if (!account.personId) {
    await executor.insert(accountEvents).values({ accountId: account.id, action, targetType: target?.type ?? null, targetId: target?.id ?? null, at });
    return;
  }
  await recordActivity(executor, { subjectPersonId: account.personId, actor: accountActor(account), action, target, at });
}

/**
 * Who acts and for whom, from the request's actor (lib/access/actor.ts): the account, named after
 * the subject when it is its holder's own space, on the basis of the representation that opened it.
 */
export function activityOf(actor: Actor): Pick<ActivityEventInput, "subjectPersonId" | "actor" | "onBehalfOf"> {
  const isOwnSpace = actor.subject.basis === "self";
  return {
    subjectPersonId: actor.subject.personId,
    actor: { ...accountActor(actor.account), ...(isOwnSpace ? { name: actor.subject.fullName } : {}) },
    onBehalfOf: actor.subject.basis,
  };
}

/** The person acting in enrolment, proved by their identity or their provisional code: no account yet, named after the subject. */
export const ENROLLING_PERSON: ActivityActor = { kind: "patient", accountId: null };

/**
 * Serialises the writers of one subject's history: each event's hash includes the previous one,
 * so two transactions appending at once would both chain to the same event and fork the chain.
 * A transaction-level advisory lock (released at commit or rollback; PGlite has it too) keyed by
 * the subject makes the second wait for the first. The class keeps these keys apart from any
 * other advisory lock; two subjects sharing a hashtext only wait for each other, harmlessly.
 */
const ACTIVITY_LOCK_CLASS = 0x4d45_4101;

async function nameOfActor(executor: Executor, actor: ActivityActor, subjectPersonId: string): Promise<string> {
  if (actor.name) return actor.name;
  if (actor.kind === "system") return SYSTEM_ACTOR.name as string;
  if (actor.kind !== "patient") throw new Error(`an activity actor of kind ${actor.kind} must be named`);
  const person = actor.accountId
    ? (
        await executor
          .select({ firstNames: insuredPersons.firstNames, birthName: insuredPersons.birthName, usageName: insuredPersons.usageName })
          .from(accounts)
          .innerJoin(insuredPersons, eq(insuredPersons.id, accounts.personId))
          .where(eq(accounts.id, actor.accountId))
          .limit(1)
      )[0]
    : (
        await executor
          .select({ firstNames: insuredPersons.firstNames, birthName: insuredPersons.birthName, usageName: insuredPersons.usageName })
          .from(insuredPersons)
          .where(eq(insuredPersons.id, subjectPersonId))
          .limit(1)
      )[0];
  if (!person) throw new Error("activity actor not found");
  return displayName(person);
}

/**
 * Appends one event to the subject's history, in the caller's transaction: pass the `tx` of the
 * change it records, so that both are committed or neither is. Called with the database itself,
 * it opens its own transaction (the lock must last until the insert is committed).
 */
export async function recordActivity(executor: Executor, event: ActivityEventInput): Promise<string> {
  const actorName = await nameOfActor(executor, event.actor, event.subjectPersonId);
  // A savepoint inside the caller's transaction, or a transaction of its own: the lock lives until the outer commit.
  return executor.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(ACTIVITY_LOCK_CLASS))}, hashtext(${event.subjectPersonId}::text))`);
    const [last] = await tx
      .select({ sequence: activityEvents.sequence, hash: activityEvents.hash })
      .from(activityEvents)
      .where(eq(activityEvents.subjectPersonId, event.subjectPersonId))
      .orderBy(desc(activityEvents.sequence))
      .limit(1);
    const row = {
      id: randomUUID(),
      subjectPersonId: event.subjectPersonId.toLowerCase(),
      sequence: (last?.sequence ?? 0) + 1,
      at: event.at,
      actorKind: event.actor.kind,
      actorAccountId: event.actor.accountId?.toLowerCase() ?? null,
      actorName,
      onBehalfOf: event.onBehalfOf ?? "self",
      action: event.action,
      group: ACTIVITY_ACTIONS[event.action].group,
      targetType: event.target?.type ?? null,
      targetId: event.target?.id.toLowerCase() ?? null,
      isEmergency: event.isEmergency ?? false,
      previousHash: last?.hash ?? null,
    };
    await tx.insert(activityEvents).values({ ...row, hash: hashActivity(row) });
    return row.id;
  });
}
