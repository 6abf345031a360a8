import "server-only";
import { type SQL, and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { careEvents, insuredPersons, representations } from "@/db/schema";
import type { Actor } from "@/lib/access/actor";
import { isLiveRepresentation } from "@/lib/access/representations";
import { displayName } from "@/lib/register/person-name";

/**
 * Whose care the actor reads, and what of it. The subject's own care; in one's own space, also the
 * care of each child one represents as a legal representative (the "Bénéficiaire" filter lists
 * them). A minor's secret care never reaches a legal representative: neither the parent looking at
 * their own space nor the parent who opened the child's space. Every list, total, chart, export and
 * counter of lib/reimbursements is scoped by `visibleCareEvents`, and nothing else.
 */

export type Beneficiary = { personId: string; fullName: string; isSubject: boolean };

export type ReimbursementScope = {
  subjectPersonId: string;
  /** The subject reads their own secret care; a legal representative who opened their space does not. */
  seesSubjectSecret: boolean;
  /** The subject first, then the children represented, by name. */
  beneficiaries: Beneficiary[];
};

export async function reimbursementScopeOf(actor: Actor, { now, includeChildren }: { now: Date; includeChildren: boolean }): Promise<ReimbursementScope> {
  const subject: Beneficiary = { personId: actor.subject.personId, fullName: actor.subject.fullName, isSubject: true };
  const scope = { subjectPersonId: subject.personId, seesSubjectSecret: actor.subject.basis !== "legal_representative", beneficiaries: [subject] };
  // Only in one's own space: a parent who opened a child's space reads that child's care, nobody else's.
  if (!includeChildren || actor.subject.basis !== "self" || !actor.account.mayOpenOtherSpaces) return scope;
  const children = await getDb()
    .select({ personId: insuredPersons.id, firstNames: insuredPersons.firstNames, birthName: insuredPersons.birthName, usageName: insuredPersons.usageName })
    .from(representations)
    .innerJoin(insuredPersons, eq(insuredPersons.id, representations.subjectPersonId))
    .where(
      and(
        eq(representations.actorAccountId, actor.account.id),
        eq(representations.basis, "legal_representative"),
        ne(representations.subjectPersonId, subject.personId),
        isLiveRepresentation(now),
      ),
    )
    .orderBy(asc(insuredPersons.firstNames), asc(insuredPersons.id));
  const seen = new Set<string>();
  for (const child of children) {
    if (seen.has(child.personId)) continue;
    seen.add(child.personId);
    scope.beneficiaries.push({ personId: child.personId, fullName: displayName(child), isSubject: false });
  }
  return scope;
}

/**
 * The care events of the scope (or of one beneficiary of it): the subject's, their secret care only
 * if they read it themself; a represented child's, never their secret care.
 */
export function visibleCareEvents(scope: ReimbursementScope, beneficiaryId: string | null = null): SQL {
  // A beneficiary outside the scope reaches nothing, whatever the caller checked before.
  const personIds = scope.beneficiaries
    .map((beneficiary) => beneficiary.personId)
    .filter((personId) => beneficiaryId === null || personId === beneficiaryId);
  if (personIds.length === 0) return sql`false`;
  const notSecret = eq(careEvents.isMinorSecret, false);
  const secretRule = scope.seesSubjectSecret ? or(notSecret, eq(careEvents.personId, scope.subjectPersonId)) : notSecret;
  const people = personIds.length === 1 ? eq(careEvents.personId, personIds[0] as string) : inArray(careEvents.personId, personIds);
  return and(people, secretRule) as SQL;
}
