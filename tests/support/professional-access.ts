import { getDb } from "@/db/client";
import { professionalAccesses } from "@/db/schema";

type AccessRow = typeof professionalAccesses.$inferInsert;

/**
 * A row of a patient's "Autorisations d'accès", made directly: what a professional's recording of
 * consent (the /pro portal) leaves, authorised by default.
 */
export async function createProfessionalAccess(personId: string, professionalId: string, overrides: Partial<AccessRow> = {}) {
  const [row] = await getDb()
    .insert(professionalAccesses)
    .values({ personId, professionalId, status: "authorised", statusSince: new Date("2026-01-15T09:00:00Z"), consentRecordedAt: new Date("2026-01-15T09:00:00Z"), ...overrides })
    .returning();
  if (!row) throw new Error("professional access not created");
  return row;
}
