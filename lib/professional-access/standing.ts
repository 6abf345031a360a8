import "server-only";
import { and, desc, eq, gt, lte, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accessMatrixEntries, emergencyAccessSettings, emergencyAccesses, professionalAccesses, professionals, spaces } from "@/db/schema";
import type { EmergencyAccessKind, ProfessionalAccessStatus } from "@/db/schema/professionals";
import type { ProfessionalActor } from "@/lib/access/actor";
import { isUuid } from "@/lib/validation";
import { DEFAULT_EMERGENCY_SETTINGS, type ProfessionalStanding, type RecordReach, recordReachOf } from "./decide";

/**
 * Everything lib/professional-access/decide.ts needs about one professional and one patient, read
 * in one query: the patient's space (only an active one is reachable), the professional's row of
 * "Autorisations d'accès", their emergency access not ended at `now`, the patient's switches (no
 * row: the defaults), and the document types the matrix opens to the professional's profession
 * (aggregated; a type absent from the matrix is not accessible).
 */
export type LoadedStanding = {
  personId: string;
  standing: ProfessionalStanding;
  reach: RecordReach;
  /** The access matrix for this professional's profession. */
  isTypeAccessible: (typeCode: string) => boolean;
  /** The document types the matrix opens to this profession, for the lists' SQL filter. */
  accessibleTypeCodes: readonly string[];
  /** The professional's row of "Autorisations d'accès", if any. */
  accessId: string | null;
};

export async function loadStanding(
  executor: Executor,
  { actor, personId, now }: { actor: ProfessionalActor; personId: string; now: Date },
): Promise<LoadedStanding | null> {
  if (!isUuid(personId)) return null;
  const professionalId = actor.professional.id;
  const liveEmergencyKind = executor
    .select({ kind: emergencyAccesses.kind })
    .from(emergencyAccesses)
    .where(
      and(
        eq(emergencyAccesses.personId, spaces.personId),
        eq(emergencyAccesses.professionalId, professionals.id),
        gt(emergencyAccesses.endsAt, now),
        lte(emergencyAccesses.startedAt, now),
      ),
    )
    .orderBy(desc(emergencyAccesses.endsAt))
    .limit(1);
  const accessibleTypes = executor
    .select({ codes: sql`coalesce(array_agg(${accessMatrixEntries.documentTypeCode}), '{}')` })
    .from(accessMatrixEntries)
    .where(and(eq(accessMatrixEntries.professionCode, professionals.professionCode), eq(accessMatrixEntries.isAccessible, true)));
  const [row] = await executor
    .select({
      personId: spaces.personId,
      professionalId: professionals.id,
      isEmergencyMedicalService: professionals.isEmergencyMedicalService,
      accessId: professionalAccesses.id,
      status: professionalAccesses.status,
      isAdministrator: professionalAccesses.isAdministrator,
      emergencyKind: sql<EmergencyAccessKind | null>`(${liveEmergencyKind})`,
      allowsEmergencyMedicalService: emergencyAccessSettings.allowsEmergencyMedicalService,
      allowsOtherProfessionals: emergencyAccessSettings.allowsOtherProfessionals,
      includesMaskedDocuments: emergencyAccessSettings.includesMaskedDocuments,
      accessibleTypeCodes: sql<string[] | string>`(${accessibleTypes})`,
    })
    .from(spaces)
    .innerJoin(professionals, eq(professionals.id, professionalId))
    .leftJoin(professionalAccesses, and(eq(professionalAccesses.personId, spaces.personId), eq(professionalAccesses.professionalId, professionals.id)))
    .leftJoin(emergencyAccessSettings, eq(emergencyAccessSettings.personId, spaces.personId))
    .where(and(eq(spaces.personId, personId), eq(spaces.status, "active")))
    .limit(1);
  if (!row) return null;
  const standing: ProfessionalStanding = {
    professional: { id: row.professionalId, isEmergencyMedicalService: row.isEmergencyMedicalService },
    access: row.status ? { status: row.status as ProfessionalAccessStatus, isAdministrator: row.isAdministrator ?? false } : null,
    emergency: row.emergencyKind ? { kind: row.emergencyKind } : null,
    settings:
      row.allowsEmergencyMedicalService === null
        ? DEFAULT_EMERGENCY_SETTINGS
        : {
            allowsEmergencyMedicalService: row.allowsEmergencyMedicalService,
            allowsOtherProfessionals: row.allowsOtherProfessionals ?? DEFAULT_EMERGENCY_SETTINGS.allowsOtherProfessionals,
            includesMaskedDocuments: row.includesMaskedDocuments ?? DEFAULT_EMERGENCY_SETTINGS.includesMaskedDocuments,
          },
  };
  const accessibleTypeCodes = parseTextArray(row.accessibleTypeCodes);
  const accessible = new Set(accessibleTypeCodes);
  return {
    personId: row.personId,
    standing,
    reach: recordReachOf(standing),
    isTypeAccessible: (typeCode) => accessible.has(typeCode),
    accessibleTypeCodes,
    accessId: row.accessId,
  };
}

/** A text[] as the drivers hand it back from a subquery: node-postgres parses it, PGlite may leave the literal. */
function parseTextArray(value: string[] | string | null): string[] {
  if (Array.isArray(value)) return value;
  if (!value || value === "{}") return [];
  return value
    .replace(/^\{|\}$/g, "")
    .split(",")
    .map((code) => code.replace(/^"|"$/g, ""));
}
