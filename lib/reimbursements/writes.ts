import "server-only";
import { getDb } from "@/db/client";
import { healthHistorySettings } from "@/db/schema";
import type { Actor } from "@/lib/access/actor";
import { activityOf, recordActivity } from "@/lib/activity/record";
import { type EntryWriteResult, saveEntry } from "@/lib/medical-profile/entry-records";
import { formatDateFr } from "@/lib/format";
import { findSubjectLine } from "./queries";
import { reimbursementScopeOf } from "./scope";

/**
 * "Masquer aux professionnels" / "Rendre visible" for the whole of "Mon histoire de santé", with its
 * event, in one transaction. Saying again what is already so changes nothing and records nothing.
 */
export async function setHealthHistoryHidden({ actor, isHidden, now }: { actor: Actor; isHidden: boolean; now: Date }): Promise<{ status: "saved" }> {
  return getDb().transaction(async (tx) => {
    const personId = actor.subject.personId;
    const [previous] = await tx
      .insert(healthHistorySettings)
      .values({ personId, isHiddenFromProfessionals: false, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: healthHistorySettings.personId, set: { personId } })
      .returning({ isHidden: healthHistorySettings.isHiddenFromProfessionals });
    // The row is now locked by this transaction: a second click waits and then sees this one's choice.
    if (previous?.isHidden === isHidden) return { status: "saved" };
    await tx
      .insert(healthHistorySettings)
      .values({ personId, isHiddenFromProfessionals: isHidden, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: healthHistorySettings.personId, set: { isHiddenFromProfessionals: isHidden, updatedAt: now } });
    await recordActivity(tx, {
      ...activityOf(actor),
      action: isHidden ? "reimbursements.section-masked" : "reimbursements.section-shown",
      target: { type: "medical_profile", id: personId },
      at: now,
    });
    return { status: "saved" };
  });
}

export type ProfileTarget = "treatment" | "vaccination";

/** Which of a line's care may go to which section: a delivered medicine or vaccine, to Traitements or Vaccinations. */
export function mayAddToProfile(line: { category: string }): boolean {
  return line.category === "medicine-vaccine";
}

export type AddToProfileResult = EntryWriteResult | { status: "confidential" };

/**
 * "Ajouter à mes traitements" / "Ajouter à mes vaccinations" from a delivered medicine or vaccine of
 * the subject's own statement: the profile entry is written by the profile's own write
 * (saveEntry: its checks and its event). A minor's secret care is not copied: the profile is read
 * by their legal representatives.
 */
export async function addLineToProfile({
  actor,
  lineId,
  target,
  now,
}: {
  actor: Actor;
  lineId: string;
  target: ProfileTarget;
  now: Date;
}): Promise<AddToProfileResult> {
  const scope = await reimbursementScopeOf(actor, { now, includeChildren: false });
  const line = await findSubjectLine(scope, lineId);
  if (!line || !mayAddToProfile(line)) return { status: "not-found" };
  if (line.isMinorSecret) return { status: "confidential" };
  const [year, month, day] = line.careDate.split("-") as [string, string, string];
  const provider = line.providerName ? ` par ${line.providerName}` : "";
  return saveEntry({
    actor,
    section: target,
    id: null,
    values: {
      label: [line.actLabel],
      startDay: [String(Number(day))],
      startMonth: [String(Number(month))],
      startYear: [year],
      details: [`Délivré le ${formatDateFr(line.careDate)}${provider} (code ${line.actCode}), d'après l'Assurance Maladie.`],
      ...(target === "vaccination" && line.providerName ? { performer: [line.providerName] } : {}),
    },
    now,
  });
}
