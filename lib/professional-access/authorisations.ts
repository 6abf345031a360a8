import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { emergencyAccessSettings, professionalAccesses, professionals } from "@/db/schema";
import type { ProfessionalAccessStatus } from "@/db/schema/professionals";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";
import type { ActivityAction } from "@/lib/activity/actions";
import { type ActivityTarget, activityOf, recordActivity } from "@/lib/activity/record";
import { professionLabel } from "@/lib/professionals/professions";
import { isUuid } from "@/lib/validation";
import { DEFAULT_EMERGENCY_SETTINGS, type EmergencySettings } from "./decide";

/**
 * The patient's side of "Autorisations d'accès" (SPEC §6, reference mes-data-model §6): the
 * professionals authorised and blocked, block / unblock, administrators, and the three emergency
 * switches. Every function works on the actor's subject (a parent on a child's space manages the
 * child's) and records its event in the same transaction; another person's row is not found.
 */

export type ProfessionalAccessEntry = {
  /** The row's id: what the page's forms name. */
  accessId: string;
  fullName: string;
  /** Code of the national nomenclature: what « Détail des droits d'accès » opens on. */
  professionCode: string;
  profession: string;
  specialty: string | null;
  /** Since when authorised, or since when blocked. */
  since: Date;
  isAdministrator: boolean;
};

export type AccessAuthorisations = { authorised: ProfessionalAccessEntry[]; blocked: ProfessionalAccessEntry[] };

/**
 * The two lists, kept apart. A withdrawn professional (unblocked, consent not restored) is on
 * neither: they must record the patient's consent again to be authorised.
 */
export async function findAccessAuthorisations(actor: Actor): Promise<AccessAuthorisations> {
  const rows = await getDb()
    .select({
      accessId: professionalAccesses.id,
      status: professionalAccesses.status,
      since: professionalAccesses.statusSince,
      isAdministrator: professionalAccesses.isAdministrator,
      firstName: professionals.firstName,
      lastName: professionals.lastName,
      professionCode: professionals.professionCode,
      specialty: professionals.specialty,
    })
    .from(professionalAccesses)
    .innerJoin(professionals, eq(professionals.id, professionalAccesses.professionalId))
    .where(isOwnedBySubject(actor, professionalAccesses.personId))
    .orderBy(asc(professionals.lastName), asc(professionals.firstName), asc(professionalAccesses.id));
  const entryOf = (row: (typeof rows)[number]): ProfessionalAccessEntry => ({
    accessId: row.accessId,
    fullName: `${row.firstName} ${row.lastName}`,
    professionCode: row.professionCode,
    profession: professionLabel(row.professionCode),
    specialty: row.specialty,
    since: row.since,
    isAdministrator: row.isAdministrator,
  });
  return {
    authorised: rows.filter((row) => row.status === "authorised").map(entryOf),
    blocked: rows.filter((row) => row.status === "blocked").map(entryOf),
  };
}

export type AuthorisationChange = { status: "done" } | { status: "not-found" } | { status: "refused" };

const DONE: AuthorisationChange = { status: "done" };
const NOT_FOUND: AuthorisationChange = { status: "not-found" };
const REFUSED: AuthorisationChange = { status: "refused" };

async function record(executor: Executor, actor: Actor, action: ActivityAction, target: ActivityTarget, now: Date) {
  await recordActivity(executor, { ...activityOf(actor), action, target, at: now });
}

type AccessRow = { id: string; status: ProfessionalAccessStatus; isAdministrator: boolean };

/**
 * One change to one row of the subject's list: the row is locked, `apply` says what it becomes
 * (null: refused, the row cannot go there) and which event records it.
 */
async function changeAccess(
  actor: Actor,
  accessId: string,
  now: Date,
  apply: (row: AccessRow) => { set: Partial<typeof professionalAccesses.$inferInsert>; action: ActivityAction } | null,
): Promise<AuthorisationChange> {
  if (!isUuid(accessId)) return NOT_FOUND;
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ id: professionalAccesses.id, status: professionalAccesses.status, isAdministrator: professionalAccesses.isAdministrator })
      .from(professionalAccesses)
      .where(and(eq(professionalAccesses.id, accessId), isOwnedBySubject(actor, professionalAccesses.personId)))
      .for("update")
      .limit(1);
    if (!row) return NOT_FOUND;
    const change = apply(row);
    if (!change) return REFUSED;
    await tx
      .update(professionalAccesses)
      .set({ ...change.set, updatedAt: now })
      .where(eq(professionalAccesses.id, row.id));
    await record(tx, actor, change.action, { type: "professional_access", id: row.id }, now);
    return DONE;
  });
}

/** "Bloquer": an authorised or withdrawn professional reaches nothing any more, from their next request; no longer an administrator. */
export async function blockProfessional({ actor, accessId, now }: { actor: Actor; accessId: string; now: Date }) {
  return changeAccess(actor, accessId, now, (row) =>
    row.status === "blocked"
      ? null
      : { set: { status: "blocked", statusSince: now, isAdministrator: false }, action: "professional-access.blocked" },
  );
}

/**
 * "Débloquer": the professional becomes `withdrawn`, not authorised: consent is not restored, they
 * must ask the patient again during care (reference §6.2). `consent_recorded_at` keeps the last
 * consent they recorded, a fact of the past: the status alone says it no longer counts.
 */
export async function unblockProfessional({ actor, accessId, now }: { actor: Actor; accessId: string; now: Date }) {
  return changeAccess(actor, accessId, now, (row) =>
    row.status === "blocked"
      ? { set: { status: "withdrawn", statusSince: now }, action: "professional-access.unblocked" }
      : null,
  );
}

/** Name or remove an "administrateur": only an authorised professional may be one (the table's CHECK says so too). */
export async function setAdministrator({
  actor,
  accessId,
  isAdministrator,
  now,
}: {
  actor: Actor;
  accessId: string;
  isAdministrator: boolean;
  now: Date;
}) {
  return changeAccess(actor, accessId, now, (row) => {
    if (row.status !== "authorised" || row.isAdministrator === isAdministrator) return null;
    return {
      set: { isAdministrator },
      action: isAdministrator ? "professional-access.administrator-named" : "professional-access.administrator-removed",
    };
  });
}

/** The subject's three switches; the defaults (decide.ts) when they never changed them. */
export async function findEmergencySettings(actor: Actor): Promise<EmergencySettings> {
  const [row] = await getDb()
    .select({
      allowsEmergencyMedicalService: emergencyAccessSettings.allowsEmergencyMedicalService,
      allowsOtherProfessionals: emergencyAccessSettings.allowsOtherProfessionals,
      includesMaskedDocuments: emergencyAccessSettings.includesMaskedDocuments,
    })
    .from(emergencyAccessSettings)
    .where(isOwnedBySubject(actor, emergencyAccessSettings.personId))
    .limit(1);
  return row ?? DEFAULT_EMERGENCY_SETTINGS;
}

/**
 * The dependency of the switches (reference §6.3): "Documents masqués" only while "SAMU" or "Autres
 * professionnels de santé" is on; turning both off turns it off. The page says the same.
 */
export function settleEmergencySettings(requested: EmergencySettings): EmergencySettings {
  const hasEmergencyAccess = requested.allowsEmergencyMedicalService || requested.allowsOtherProfessionals;
  return { ...requested, includesMaskedDocuments: hasEmergencyAccess && requested.includesMaskedDocuments };
}

/** Saves the three switches at once, as the real service does; nothing is written or recorded when nothing changes. */
export async function setEmergencySettings({
  actor,
  requested,
  now,
}: {
  actor: Actor;
  requested: EmergencySettings;
  now: Date;
}): Promise<{ status: "done"; settings: EmergencySettings }> {
  const settings = settleEmergencySettings(requested);
  return getDb().transaction(async (tx) => {
    const [current] = await tx
      .select({
        allowsEmergencyMedicalService: emergencyAccessSettings.allowsEmergencyMedicalService,
        allowsOtherProfessionals: emergencyAccessSettings.allowsOtherProfessionals,
        includesMaskedDocuments: emergencyAccessSettings.includesMaskedDocuments,
      })
      .from(emergencyAccessSettings)
      .where(isOwnedBySubject(actor, emergencyAccessSettings.personId))
      .for("update")
      .limit(1);
    const before = current ?? DEFAULT_EMERGENCY_SETTINGS;
    const isUnchanged = (Object.keys(settings) as (keyof EmergencySettings)[]).every((key) => before[key] === settings[key]);
    if (isUnchanged) return { status: "done", settings };
    await tx
      .insert(emergencyAccessSettings)
      .values({ personId: actor.subject.personId, ...settings, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: emergencyAccessSettings.personId, set: { ...settings, updatedAt: now } });
    await record(tx, actor, "professional-access.emergency-settings-changed", { type: "emergency_access_settings", id: actor.subject.personId }, now);
    return { status: "done", settings };
  });
}
