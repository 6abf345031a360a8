import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import {
  bloodGroups,
  entourageContacts,
  lifestyleAnswers,
  organDonationStatements,
  profileItems,
  profileSectionDeclarations,
} from "@/db/schema";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";
import { type ActivityAction, type ActivityTarget, activityOf, recordActivity } from "@/lib/activity/record";
import type { FieldErrors } from "@/lib/form-state";
import { isUuid } from "@/lib/validation";
import { mayPatientChangeEntry } from "./authorship";
import { BLOOD_GROUPS } from "./entries";
import { parseLifestyleAnswers } from "./lifestyle";
import { isProfileItemSection, isProfileSectionVisibleToProfessionals, profileSectionInfo } from "./sections";

/** The outcome of a write on a section of the profile that holds one value or a declaration. */
export type FactWriteResult =
  | { status: "saved" }
  | { status: "invalid"; fieldErrors: FieldErrors }
  | { status: "not-found" }
  | { status: "read-only" };

/** Section-wide events point at the subject's profile, keyed by the person. */
function profileTarget(actor: Actor): ActivityTarget {
  return { type: "medical_profile", id: actor.subject.personId };
}

async function record(executor: Executor, actor: Actor, action: ActivityAction, target: ActivityTarget, now: Date): Promise<void> {
  await recordActivity(executor, { ...activityOf(actor), action, target, at: now });
}

/**
 * "Je ne suis pas concerné" for a section that offers it, dated now; refused while the section
 * holds entries (they would say the opposite). Saying it again keeps the first date.
 */
export async function declareNotConcerned({ actor, section, now }: { actor: Actor; section: string; now: Date }): Promise<FactWriteResult> {
  if (!isProfileItemSection(section) || !profileSectionInfo(section).offersNotConcerned) return { status: "not-found" };
  return getDb().transaction(async (tx): Promise<FactWriteResult> => {
    const [entry] = await tx
      .select({ id: profileItems.id })
      .from(profileItems)
      .where(and(isOwnedBySubject(actor, profileItems.personId), eq(profileItems.section, section)))
      .limit(1);
    if (entry) {
      return {
        status: "invalid",
        fieldErrors: { section: [`Vous avez renseigné des informations dans « ${profileSectionInfo(section).title} » : supprimez-les d'abord.`] },
      };
    }
    const inserted = await tx
      .insert(profileSectionDeclarations)
      .values({ personId: actor.subject.personId, section, declaredAt: now })
      .onConflictDoNothing()
      .returning({ section: profileSectionDeclarations.section });
    if (inserted.length > 0) await record(tx, actor, "medical-profile.not-concerned", profileTarget(actor), now);
    return { status: "saved" };
  });
}

/** What "Masquer aux professionnels" / "Rendre visible" applies to: an item of a section professionals may see. */
export type MaskTarget = { kind: "profile-item"; id: string } | { kind: "entourage-contact"; id: string } | { kind: "organ-donation" };

/**
 * Masks from professionals, or shows again, one item of a section they may see (vaccinations,
 * entourage, organ donation); anything else is "not found", as is another person's item.
 */
export async function setMaskedFromProfessionals({
  actor,
  target,
  isHidden,
  now,
}: {
  actor: Actor;
  target: MaskTarget;
  isHidden: boolean;
  now: Date;
}): Promise<FactWriteResult> {
  if (target.kind !== "organ-donation" && !isUuid(target.id)) return { status: "not-found" };
  return getDb().transaction(async (tx): Promise<FactWriteResult> => {
    let activityTarget: ActivityTarget;
    if (target.kind === "profile-item") {
      const [row] = await tx.select({ section: profileItems.section }).from(profileItems).where(and(eq(profileItems.id, target.id), isOwnedBySubject(actor, profileItems.personId)));
      if (!row || !isProfileSectionVisibleToProfessionals(row.section)) return { status: "not-found" };
      await tx.update(profileItems).set({ isHiddenFromProfessionals: isHidden, updatedAt: now }).where(eq(profileItems.id, target.id));
      activityTarget = { type: "profile_item", id: target.id };
    } else if (target.kind === "entourage-contact") {
      const updated = await tx
        .update(entourageContacts)
        .set({ isHiddenFromProfessionals: isHidden, updatedAt: now })
        .where(and(eq(entourageContacts.id, target.id), isOwnedBySubject(actor, entourageContacts.personId)))
        .returning({ id: entourageContacts.id });
      if (updated.length === 0) return { status: "not-found" };
      activityTarget = { type: "entourage_contact", id: target.id };
    } else {
      const updated = await tx
        .update(organDonationStatements)
        .set({ isHiddenFromProfessionals: isHidden, updatedAt: now })
        .where(isOwnedBySubject(actor, organDonationStatements.personId))
        .returning({ personId: organDonationStatements.personId });
      if (updated.length === 0) return { status: "not-found" };
      activityTarget = profileTarget(actor);
    }
    await record(tx, actor, isHidden ? "medical-profile.item-masked" : "medical-profile.item-unmasked", activityTarget, now);
    return { status: "saved" };
  });
}

/** "Groupe sanguin": sets the one value, or removes it (`bloodGroup` empty); a professional's value stays. */
export async function saveBloodGroup({ actor, bloodGroup, now }: { actor: Actor; bloodGroup: string; now: Date }): Promise<FactWriteResult> {
  if (bloodGroup !== "" && !BLOOD_GROUPS.some((choice) => choice.value === bloodGroup)) {
    return { status: "invalid", fieldErrors: { bloodGroup: ["Choisissez un groupe sanguin de la liste."] } };
  }
  return getDb().transaction(async (tx): Promise<FactWriteResult> => {
    const [current] = await tx.select().from(bloodGroups).where(isOwnedBySubject(actor, bloodGroups.personId)).for("update");
    if (current && !mayPatientChangeEntry(current)) return { status: "read-only" };
    if (bloodGroup === "") {
      if (!current) return { status: "saved" };
      await tx.delete(bloodGroups).where(isOwnedBySubject(actor, bloodGroups.personId));
    } else {
      if (current?.bloodGroup === bloodGroup) return { status: "saved" };
      const value = bloodGroup as (typeof bloodGroups.$inferInsert)["bloodGroup"];
      await tx
        .insert(bloodGroups)
        .values({ personId: actor.subject.personId, bloodGroup: value, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: bloodGroups.personId, set: { bloodGroup: value, updatedAt: now } });
    }
    await record(tx, actor, "medical-profile.blood-group-changed", profileTarget(actor), now);
    return { status: "saved" };
  });
}

/** "J'ai pris connaissance …": dated when first said; unticking removes it. */
export async function saveOrganDonation({ actor, isInformed, now }: { actor: Actor; isInformed: boolean; now: Date }): Promise<FactWriteResult> {
  return getDb().transaction(async (tx): Promise<FactWriteResult> => {
    const changed = isInformed
      ? await tx
          .insert(organDonationStatements)
          .values({ personId: actor.subject.personId, informedAt: now, createdAt: now, updatedAt: now })
          .onConflictDoNothing()
          .returning({ personId: organDonationStatements.personId })
      : await tx
          .delete(organDonationStatements)
          .where(isOwnedBySubject(actor, organDonationStatements.personId))
          .returning({ personId: organDonationStatements.personId });
    if (changed.length > 0) await record(tx, actor, "medical-profile.organ-donation-changed", profileTarget(actor), now);
    return { status: "saved" };
  });
}

/** "Habitudes de vie": stores each answer given, dated now when it changed; unanswered questions keep theirs. */
export async function saveLifestyleAnswers({
  actor,
  values,
  now,
}: {
  actor: Actor;
  values: Record<string, string | undefined>;
  now: Date;
}): Promise<FactWriteResult> {
  const parsed = parseLifestyleAnswers(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: parsed.fieldErrors };
  return getDb().transaction(async (tx): Promise<FactWriteResult> => {
    const current = new Map(
      (await tx.select().from(lifestyleAnswers).where(isOwnedBySubject(actor, lifestyleAnswers.personId)).for("update")).map((row) => [
        row.question,
        row.answer,
      ]),
    );
    const changed = parsed.answers.filter(({ question, answer }) => current.get(question) !== answer);
    if (changed.length === 0) return { status: "saved" };
    await tx
      .insert(lifestyleAnswers)
      .values(changed.map(({ question, answer }) => ({ personId: actor.subject.personId, question, answer, answeredAt: now })))
      .onConflictDoUpdate({
        target: [lifestyleAnswers.personId, lifestyleAnswers.question],
        set: { answer: sql`excluded.answer`, answeredAt: now },
      });
    await record(tx, actor, "medical-profile.lifestyle-changed", profileTarget(actor), now);
    return { status: "saved" };
  });
}
