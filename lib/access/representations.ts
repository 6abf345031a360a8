import "server-only";
import { and, asc, eq, gt, isNull, lte, or } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { type RepresentationBasis, type RepresentationSource, insuredPersons, representations } from "@/db/schema";
import { displayName } from "@/lib/register/person-name";
import type { Actor } from "./actor";

/**
 * Who may open whose space: rows of `representations`. A row counts from `valid_from`, until
 * `valid_until` (if any), unless revoked; every read of it goes through `isLiveRepresentation`,
 * so a revoked or expired row stops at the next request.
 */

/** The SQL condition of a representation live at `now`. */
export function isLiveRepresentation(now: Date) {
  return and(
    isNull(representations.revokedAt),
    lte(representations.validFrom, now),
    or(isNull(representations.validUntil), gt(representations.validUntil, now)),
  );
}

type RepresentationGrant = {
  actorAccountId: string;
  subjectPersonId: string;
  basis: RepresentationBasis;
  source: RepresentationSource;
  now: Date;
  validUntil?: Date | null;
};

/** The row a representation is, valid from now: createRepresentation inserts it, the bench's generator writes it in bulk. */
export function representationRecord({ actorAccountId, subjectPersonId, basis, source, now, validUntil = null }: RepresentationGrant) {
  return { actorAccountId, subjectPersonId, basis, source, validFrom: now, validUntil, createdAt: now };
}

/** Grants an account a space, in the caller's transaction (activation grants the account's own). */
export async function createRepresentation(executor: Executor, grant: RepresentationGrant): Promise<string> {
  const [row] = await executor.insert(representations).values(representationRecord(grant)).returning({ id: representations.id });
  if (!row) throw new Error("representation not created");
  return row.id;
}

export type OpenableSpace = { personId: string; fullName: string; basis: RepresentationBasis };

/**
 * The spaces the actor's account may open right now, its own first, then by name: "Changer de
 * profil" lists them. An account with its own space only (the actor says so) costs no query.
 */
export async function listOpenableSpaces({ actor, now }: { actor: Actor; now: Date }): Promise<OpenableSpace[]> {
  if (!actor.account.mayOpenOtherSpaces && actor.subject.basis === "self") {
    return [{ personId: actor.subject.personId, fullName: actor.subject.fullName, basis: "self" }];
  }
  const rows = await getDb()
    .select({
      personId: representations.subjectPersonId,
      basis: representations.basis,
      firstNames: insuredPersons.firstNames,
      birthName: insuredPersons.birthName,
      usageName: insuredPersons.usageName,
    })
    .from(representations)
    .innerJoin(insuredPersons, eq(insuredPersons.id, representations.subjectPersonId))
    .where(and(eq(representations.actorAccountId, actor.account.id), isLiveRepresentation(now)))
    .orderBy(asc(insuredPersons.birthName), asc(insuredPersons.firstNames));
  const spaces = rows.map(({ personId, basis, ...names }) => ({ personId, basis, fullName: displayName(names) }));
  return [...spaces.filter((space) => space.basis === "self"), ...spaces.filter((space) => space.basis !== "self")];
}
