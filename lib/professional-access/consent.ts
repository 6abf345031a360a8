import "server-only";
import { sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { professionalAccesses } from "@/db/schema";
import type { ProfessionalActor } from "@/lib/access/actor";
import { recordActivity } from "@/lib/activity/record";
import { professionalActivityOf } from "./activity";
import { loadStanding } from "./standing";

export type ConsentResult = { status: "recorded" } | { status: "not-found" } | { status: "blocked" };

/**
 * "Le patient m'a donné son accord": the professional records, during care, that the patient
 * agreed; they are then on the patient's "Professionnels autorisés" (authorised since now, unless
 * they already were). A withdrawn professional (unblocked by the patient) becomes authorised
 * again this way; a blocked one is refused and stays blocked. A patient without an active space
 * is not found.
 */
export async function recordConsent(
  { actor, personId, now }: { actor: ProfessionalActor; personId: string; now: Date },
  executor: Executor = getDb(),
): Promise<ConsentResult> {
  return executor.transaction(async (tx) => {
    const loaded = await loadStanding(tx, { actor, personId, now });
    if (!loaded) return { status: "not-found" };
    if (loaded.reach.reach === "blocked") return { status: "blocked" };
    const [row] = await tx
      .insert(professionalAccesses)
      .values({ personId: loaded.personId, professionalId: actor.professional.id, status: "authorised", statusSince: now, consentRecordedAt: now })
      .onConflictDoUpdate({
        target: [professionalAccesses.personId, professionalAccesses.professionalId],
        set: {
          // Authorised since the first consent; a withdrawn professional starts again from this one.
          statusSince: sql`case when ${professionalAccesses.status} = 'authorised' then ${professionalAccesses.statusSince} else excluded.status_since end`,
          status: "authorised",
          consentRecordedAt: now,
          updatedAt: now,
        },
        // Blocked between the read above and this write: stays blocked.
        setWhere: sql`${professionalAccesses.status} <> 'blocked'`,
      })
      .returning({ id: professionalAccesses.id });
    if (!row) return { status: "blocked" };
    await recordActivity(tx, {
      ...professionalActivityOf(actor, loaded.personId),
      action: "professional-access.consent-recorded",
      target: { type: "professional_access", id: row.id },
      at: now,
    });
    return { status: "recorded" };
  });
}
