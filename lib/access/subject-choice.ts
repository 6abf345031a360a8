import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { representations, sessions } from "@/db/schema";
import { isUuid } from "@/lib/validation";
import type { Actor } from "./actor";
import { isLiveRepresentation } from "./representations";

export type SubjectChoice = { status: "chosen" } | { status: "not-found" };

/**
 * "Changer de profil": the session opens this person's space from the next request on, if the
 * account holds a live representation for them; otherwise "not found" and nothing changes.
 * Choosing one's own space clears the choice. The choice is checked again on every request
 * (findLiveSession): a representation revoked later stops at once.
 */
export async function chooseSubject({ actor, personId, now }: { actor: Actor; personId: string; now: Date }): Promise<SubjectChoice> {
  if (!isUuid(personId)) return { status: "not-found" };
  const db = getDb();
  const [representation] = await db
    .select({ basis: representations.basis })
    .from(representations)
    .where(and(eq(representations.actorAccountId, actor.account.id), eq(representations.subjectPersonId, personId), isLiveRepresentation(now)))
    .limit(1);
  if (!representation) return { status: "not-found" };
  await db
    .update(sessions)
    .set({ currentSubjectPersonId: representation.basis === "self" ? null : personId })
    .where(and(eq(sessions.id, actor.session.id), eq(sessions.accountId, actor.account.id)));
  return { status: "chosen" };
}
