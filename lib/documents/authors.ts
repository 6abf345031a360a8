import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accounts, insuredPersons } from "@/db/schema";
import type { Actor } from "@/lib/access/actor";
import { displayName } from "@/lib/register/person-name";

/**
 * The author of a document the signed-in person adds: the patient's side, their account, and
 * the name of the person behind it — a parent adding to a child's record is named, not the child.
 */
export async function patientAuthorOf(
  executor: Executor,
  actor: Actor,
): Promise<{ authorKind: "patient"; authorAccountId: string; authorName: string }> {
  return { authorKind: "patient", authorAccountId: actor.account.id, authorName: await accountHolderName(executor, actor) };
}

async function accountHolderName(executor: Executor, actor: Actor): Promise<string> {
  if (actor.subject.basis === "self") return actor.subject.fullName;
  const [person] = await executor
    .select({ firstNames: insuredPersons.firstNames, birthName: insuredPersons.birthName, usageName: insuredPersons.usageName })
    .from(accounts)
    .innerJoin(insuredPersons, eq(insuredPersons.id, accounts.personId))
    .where(eq(accounts.id, actor.account.id));
  return person ? displayName(person) : actor.subject.fullName;
}
