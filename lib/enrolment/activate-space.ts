import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { accounts, oppositions, representations, spaces } from "@/db/schema";
import { representationRecord } from "@/lib/access/representations";
import { postWelcomeMessage } from "@/lib/messaging/welcome";

export type SpaceActivation = {
  personId: string;
  identifier: string;
  /** argon2id PHC string (lib/auth/password-hash.ts). */
  passwordHash: string;
  email: string | null;
  mobile: string | null;
  now: Date;
};

/**
 * The rows activation writes for a person's login: the patient account and its own (`self`)
 * representation. activateSpace inserts them; the bench's scale generator writes the same rows
 * in bulk, with ids of its own, so a new column or rule of activation reaches both.
 */
export function activationRecords({ personId, identifier, passwordHash, email, mobile, now }: SpaceActivation) {
  return {
    account: { kind: "patient" as const, personId, identifier, passwordHash, email, mobile, passwordChangedAt: now, createdAt: now, updatedAt: now },
    selfRepresentation: (actorAccountId: string) =>
      representationRecord({ actorAccountId, subjectPersonId: personId, basis: "self", source: "activation", now }),
  };
}

/**
 * Activates a person's space with its login, in the caller's transaction: the patient account,
 * the account's own representation (`self`), the space active (opened now unless it already
 * was), any opposition withdrawn, and the welcome message in the mailbox. The one way a space
 * becomes active — enrolment, the demo seed, the job's callers and the tests all come here — so
 * a new step of activation is added once. The caller locks the space and checks it was not
 * active; the unique identifier index refuses a second account.
 */
export async function activateSpace(tx: Transaction, activation: SpaceActivation): Promise<{ accountId: string }> {
  const { personId, now } = activation;
  const records = activationRecords(activation);
  const [account] = await tx.insert(accounts).values(records.account).returning({ id: accounts.id });
  if (!account) throw new Error("account not created");
  await tx.insert(representations).values(records.selfRepresentation(account.id));
  await tx
    .update(spaces)
    .set({ status: "active", openedAt: sql`coalesce(${spaces.openedAt}, ${now.toISOString()}::timestamptz)`, activatedAt: now })
    .where(eq(spaces.personId, personId));
  await tx
    .update(oppositions)
    .set({ withdrawnAt: now })
    .where(and(eq(oppositions.personId, personId), isNull(oppositions.withdrawnAt)));
  await postWelcomeMessage(tx, personId, now);
  return { accountId: account.id };
}
