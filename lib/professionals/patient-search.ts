import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { insuredPersons, spaces } from "@/db/schema";
import type { ProfessionalActor } from "@/lib/access/actor";
import type { RequestContext } from "@/lib/http/request-context";
import { consumeRateLimits } from "@/lib/rate-limit";
import type { PatientSearch } from "./patient-search-schema";

/** Searches a professional may make: enough for a day of consultations, too few to walk the register. */
export const patientSearchLimits = {
  perProfessional: { limit: 60, windowSeconds: 3600 },
  perProfessionalDay: { limit: 300, windowSeconds: 86_400 },
  perAddress: { limit: 120, windowSeconds: 3600 },
} as const;

export type PatientSearchResult =
  | { status: "found"; personId: string }
  | { status: "not-found" }
  | { status: "rate-limited"; retryAfterSeconds: number };

/**
 * "Rechercher": the person whose space is ACTIVE under this NIR and birth date. A person not in
 * the register, one whose space is pending, opposed or closed, and a wrong birth date all answer
 * the same "not-found", so the search tells nothing about who exists. Finding someone grants
 * nothing: what the professional may reach of the record is lib/professional-access's decision.
 */
export async function findPatientForProfessional(
  { actor, search }: { actor: ProfessionalActor; search: PatientSearch },
  { clientAddress, now }: RequestContext,
): Promise<PatientSearchResult> {
  const db = getDb();
  const limit = await consumeRateLimits(
    db,
    [
      { key: `pro-search:professional:${actor.professional.id}`, ...patientSearchLimits.perProfessional },
      { key: `pro-search:professional-day:${actor.professional.id}`, ...patientSearchLimits.perProfessionalDay },
      { key: `pro-search:address:${clientAddress}`, ...patientSearchLimits.perAddress },
    ],
    now,
  );
  if (!limit.isAllowed) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  const [row] = await db
    .select({ personId: insuredPersons.id })
    .from(insuredPersons)
    .innerJoin(spaces, and(eq(spaces.personId, insuredPersons.id), eq(spaces.status, "active")))
    .where(and(eq(insuredPersons.nir, search.nir), eq(insuredPersons.birthDate, search.birthDate)))
    .limit(1);
  return row ? { status: "found", personId: row.personId } : { status: "not-found" };
}
