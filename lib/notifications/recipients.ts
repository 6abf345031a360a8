import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accounts, insuredPersons, representations } from "@/db/schema";
import { isLiveRepresentation } from "@/lib/access/representations";
import type { AccountHolder } from "@/lib/delivery";
import { usualFirstName } from "@/lib/register/person-name";

/**
 * Someone the service writes to about a profile, greeted by their own first name;
 * `childFirstName` names the profile when it is not theirs (a child's, told to a representative).
 */
export type NoticeRecipient = AccountHolder & { firstName: string; childFirstName: string | null };

/**
 * Who is told by e-mail (or SMS) of what arrives in a profile: the profile's own login when it has
 * one; a profile without a login of its own (a child's) is told to the accounts of its live legal
 * representatives, each greeted by their own name. Caregivers are not written to: the helped adult
 * has their own login. A notice its representatives may not see (`mayTellRepresentatives: false`)
 * then goes to nobody. See docs/decisions/0022-notification-recipients.md.
 */
export async function noticeRecipientsOf(
  executor: Executor,
  personId: string,
  now: Date,
  { mayTellRepresentatives = true }: { mayTellRepresentatives?: boolean } = {},
): Promise<NoticeRecipient[]> {
  const holder = { firstNames: insuredPersons.firstNames, email: accounts.email, mobile: accounts.mobile };
  const own = await executor
    .select({ ...holder, personId: accounts.personId })
    .from(accounts)
    .innerJoin(insuredPersons, eq(insuredPersons.id, accounts.personId))
    .where(and(eq(accounts.personId, personId), eq(accounts.kind, "patient")))
    .limit(1);
  if (own[0]) return [{ personId: own[0].personId, firstName: usualFirstName(own[0]), email: own[0].email, mobile: own[0].mobile, childFirstName: null }];
  if (!mayTellRepresentatives) return [];
  const [child] = await executor.select({ firstNames: insuredPersons.firstNames }).from(insuredPersons).where(eq(insuredPersons.id, personId)).limit(1);
  if (!child) return [];
  const representatives = await executor
          .select({ ...holder, personId: accounts.personId })
          .from(representations)
          .innerJoin(accounts, eq(accounts.id, representations.actorAccountId))
          .innerJoin(insuredPersons, eq(insuredPersons.id, accounts.personId))
          .where(
            and(
              eq(representations.subjectPersonId, personId),
              eq(representations.basis, "legal_representative"),
              isLiveRepresentation(now),
            ),
          )
          .orderBy(asc(representations.createdAt));
  return representatives.map((row) => ({
    personId: row.personId,
    firstName: usualFirstName(row),
    email: row.email,
    mobile: row.mobile,
    childFirstName: usualFirstName(child),
  }));
}
