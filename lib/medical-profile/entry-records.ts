import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { entourageContacts, healthProfessionalContacts, insuredPersons, profileItems, profileSectionDeclarations } from "@/db/schema";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";
import { type ActivityAction, type ActivityTarget, activityOf, recordActivity } from "@/lib/activity/record";
import type { FieldErrors } from "@/lib/form-state";
import { isUuid } from "@/lib/validation";
import { mayPatientChangeEntry } from "./authorship";
import { HEALTH_PROFESSIONAL_ROLES, type ParsedEntry, type SubmittedValues, choiceLabel, parseEntry } from "./entries";
import type { PartialDate } from "./partial-date";
import { type EntrySection, type ProfileSection, isProfileItemSection } from "./sections";

export type EntryWriteResult =
  | { status: "saved"; id: string }
  | { status: "deleted" }
  /** Bad input: French messages by field, nothing written. */
  | { status: "invalid"; fieldErrors: FieldErrors }
  /** Another person's entry, a removed one, or a malformed id: answered alike. */
  | { status: "not-found" }
  /** A professional added or confirmed it: the patient may not change it. */
  | { status: "read-only" };

/**
 * Holds the subject's row until the transaction ends, so that two writes checking "one per
 * person" (one personne de confiance, one médecin traitant) run one after the other.
 */
async function lockSubject(executor: Executor, actor: Actor): Promise<void> {
  await executor.select({ id: insuredPersons.id }).from(insuredPersons).where(eq(insuredPersons.id, actor.subject.personId)).for("update");
}

async function record(executor: Executor, actor: Actor, action: ActivityAction, target: ActivityTarget, now: Date): Promise<void> {
  await recordActivity(executor, { ...activityOf(actor), action, target, at: now });
}

/** Adding an entry to a section takes back its "Je ne suis pas concerné". */
export async function clearNotConcerned(executor: Executor, actor: Actor, section: ProfileSection): Promise<void> {
  await executor
    .delete(profileSectionDeclarations)
    .where(and(isOwnedBySubject(actor, profileSectionDeclarations.personId), eq(profileSectionDeclarations.section, section)));
}

function dateColumns(prefix: "start" | "end", date: PartialDate | null) {
  return prefix === "start"
    ? { startYear: date?.year ?? null, startMonth: date?.month ?? null, startDay: date?.day ?? null }
    : { endYear: date?.year ?? null, endMonth: date?.month ?? null, endDay: date?.day ?? null };
}

const text = (entry: ParsedEntry, name: string) => (entry[name] as string | null | undefined) ?? null;

/** The columns of `profile_items` an entry of `section` sets; the others are cleared, so an edit leaves nothing stale. */
function profileItemColumns(entry: ParsedEntry) {
  const duration = text(entry, "durationValue");
  return {
    label: entry.label as string,
    details: text(entry, "details"),
    ...dateColumns("start", (entry.start as PartialDate | null | undefined) ?? null),
    ...dateColumns("end", (entry.end as PartialDate | null | undefined) ?? null),
    isOngoing: entry.isOngoing === true,
    dosage: text(entry, "dosage"),
    durationValue: duration === null ? null : Number(duration),
    durationUnit: text(entry, "durationUnit") as (typeof profileItems.$inferInsert)["durationUnit"],
    disabilityTypes: (entry.disabilityTypes as (typeof profileItems.$inferInsert)["disabilityTypes"]) ?? null,
    disabilityRate: text(entry, "disabilityRate") as (typeof profileItems.$inferInsert)["disabilityRate"],
    technicalHelp: text(entry, "technicalHelp"),
    humanHelp: text(entry, "humanHelp") as (typeof profileItems.$inferInsert)["humanHelp"],
    familyRelationship: text(entry, "familyRelationship") as (typeof profileItems.$inferInsert)["familyRelationship"],
    vaccineAdministration: text(entry, "vaccineAdministration") as (typeof profileItems.$inferInsert)["vaccineAdministration"],
    lotNumber: text(entry, "lotNumber"),
    performer: text(entry, "performer"),
  };
}

function contactColumns(entry: ParsedEntry) {
  const roles = entry.roles as string[];
  return {
    firstName: entry.firstName as string,
    lastName: entry.lastName as string,
    relation: entry.relation as (typeof entourageContacts.$inferInsert)["relation"],
    mobile: entry.mobile as string,
    postalCode: entry.postalCode as string,
    city: entry.city as string,
    address: text(entry, "address"),
    isTrustedPerson: roles.includes("trusted-person"),
    isEmergencyContact: roles.includes("emergency-contact"),
    isCaregiver: roles.includes("caregiver"),
  };
}

function professionalColumns(entry: ParsedEntry) {
  return {
    name: entry.name as string,
    speciality: entry.speciality as string,
    phone: text(entry, "phone"),
    address: text(entry, "address"),
    role: text(entry, "role") as (typeof healthProfessionalContacts.$inferInsert)["role"],
  };
}

/** Another contact of the subject already "personne de confiance", other than `exceptId`. */
async function findOtherTrustedPerson(executor: Executor, actor: Actor, exceptId: string | null) {
  const [row] = await executor
    .select({ firstName: entourageContacts.firstName, lastName: entourageContacts.lastName })
    .from(entourageContacts)
    .where(
      and(
        isOwnedBySubject(actor, entourageContacts.personId),
        eq(entourageContacts.isTrustedPerson, true),
        exceptId ? ne(entourageContacts.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return row;
}

async function findOtherProfessionalWithRole(executor: Executor, actor: Actor, role: string, exceptId: string | null) {
  const [row] = await executor
    .select({ name: healthProfessionalContacts.name })
    .from(healthProfessionalContacts)
    .where(
      and(
        isOwnedBySubject(actor, healthProfessionalContacts.personId),
        eq(healthProfessionalContacts.role, role as NonNullable<(typeof healthProfessionalContacts.$inferInsert)["role"]>),
        exceptId ? ne(healthProfessionalContacts.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return row;
}

/** The rules that need the subject's other entries: one personne de confiance, one professional per role. */
async function checkAgainstOtherEntries(
  executor: Executor,
  actor: Actor,
  section: EntrySection,
  entry: ParsedEntry,
  exceptId: string | null,
): Promise<FieldErrors> {
  if (section === "entourage" && (entry.roles as string[]).includes("trusted-person")) {
    const other = await findOtherTrustedPerson(executor, actor, exceptId);
    if (other) {
      return {
        roles: [
          `Vous avez déjà une personne de confiance : ${other.firstName} ${other.lastName}. Vous ne pouvez en désigner qu'une ; retirez-lui d'abord ce rôle.`,
        ],
      };
    }
  }
  if (section === "health-professionals" && entry.role) {
    const other = await findOtherProfessionalWithRole(executor, actor, entry.role as string, exceptId);
    if (other) {
      const role = choiceLabel(HEALTH_PROFESSIONAL_ROLES, entry.role as string)!.toLocaleLowerCase("fr-FR");
      return { role: [`${other.name} est déjà votre ${role}. Un seul professionnel peut avoir ce rôle.`] };
    }
  }
  return {};
}

const TARGET_TYPES = { entourage: "entourage_contact", "health-professionals": "health_professional_contact" } as const;

function targetTypeOf(section: EntrySection): ActivityTarget["type"] {
  return isProfileItemSection(section) ? "profile_item" : TARGET_TYPES[section];
}

/**
 * Whether the subject's entry `id` of `section` exists, and whether the patient may change it:
 * locked for the rest of the transaction. Someone else's entry is "not found".
 */
async function lockEntry(executor: Executor, actor: Actor, section: EntrySection, id: string): Promise<"found" | "not-found" | "read-only"> {
  if (!isUuid(id)) return "not-found";
  if (isProfileItemSection(section)) {
    const [row] = await executor
      .select({ authorKind: profileItems.authorKind, confirmedByProfessionalAt: profileItems.confirmedByProfessionalAt })
      .from(profileItems)
      .where(and(eq(profileItems.id, id), eq(profileItems.section, section), isOwnedBySubject(actor, profileItems.personId)))
      .for("update");
    if (!row) return "not-found";
    return mayPatientChangeEntry(row) ? "found" : "read-only";
  }
  const table = section === "entourage" ? entourageContacts : healthProfessionalContacts;
  const [row] = await executor
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, id), isOwnedBySubject(actor, table.personId)))
    .for("update");
  return row ? "found" : "not-found";
}

/**
 * "Enregistrer" on an entry form: checks what was sent (lib/medical-profile/entries.ts), then adds
 * the entry (`id` null) or changes the subject's entry `id`, with its event, in one transaction.
 * Adding to a section takes back its "Je ne suis pas concerné". Nothing is written on any refusal.
 */
export async function saveEntry({
  actor,
  section,
  id,
  values,
  now,
}: {
  actor: Actor;
  section: EntrySection;
  id: string | null;
  values: SubmittedValues;
  now: Date;
}): Promise<EntryWriteResult> {
  const parsed = parseEntry(section, values, { now });
  if (!parsed.success) {
    // An unknown id is "not found" before any message about the fields.
    if (id !== null && !isUuid(id)) return { status: "not-found" };
    return { status: "invalid", fieldErrors: parsed.fieldErrors };
  }
  const { entry } = parsed;
  return getDb().transaction(async (tx): Promise<EntryWriteResult> => {
    await lockSubject(tx, actor);
    if (id !== null) {
      const found = await lockEntry(tx, actor, section, id);
      if (found !== "found") return { status: found };
    }
    const conflicts = await checkAgainstOtherEntries(tx, actor, section, entry, id);
    if (Object.keys(conflicts).length > 0) return { status: "invalid", fieldErrors: conflicts };

    const personId = actor.subject.personId;
    let savedId: string | undefined;
    if (isProfileItemSection(section)) {
      const columns = profileItemColumns(entry);
      const [row] =
        id === null
          ? await tx.insert(profileItems).values({ personId, section, ...columns, createdAt: now, updatedAt: now }).returning({ id: profileItems.id })
          : await tx
              .update(profileItems)
              .set({ ...columns, updatedAt: now })
              .where(and(eq(profileItems.id, id), isOwnedBySubject(actor, profileItems.personId)))
              .returning({ id: profileItems.id });
      savedId = row?.id;
      if (id === null) await clearNotConcerned(tx, actor, section);
    } else if (section === "entourage") {
      const columns = contactColumns(entry);
      const [row] =
        id === null
          ? await tx.insert(entourageContacts).values({ personId, ...columns, createdAt: now, updatedAt: now }).returning({ id: entourageContacts.id })
          : await tx
              .update(entourageContacts)
              .set({ ...columns, updatedAt: now })
              .where(and(eq(entourageContacts.id, id), isOwnedBySubject(actor, entourageContacts.personId)))
              .returning({ id: entourageContacts.id });
      savedId = row?.id;
    } else {
      const columns = professionalColumns(entry);
      const [row] =
        id === null
          ? await tx
              .insert(healthProfessionalContacts)
              .values({ personId, ...columns, createdAt: now, updatedAt: now })
              .returning({ id: healthProfessionalContacts.id })
          : await tx
              .update(healthProfessionalContacts)
              .set({ ...columns, updatedAt: now })
              .where(and(eq(healthProfessionalContacts.id, id), isOwnedBySubject(actor, healthProfessionalContacts.personId)))
              .returning({ id: healthProfessionalContacts.id });
      savedId = row?.id;
    }
    if (!savedId) throw new Error("profile entry not stored");
    await record(tx, actor, id === null ? "medical-profile.item-added" : "medical-profile.item-changed", { type: targetTypeOf(section), id: savedId }, now);
    return { status: "saved", id: savedId };
  });
}

/** "Supprimer": removes the subject's entry `id` of `section`, with its event; a professional's stays. */
export async function deleteEntry({ actor, section, id, now }: { actor: Actor; section: EntrySection; id: string; now: Date }): Promise<EntryWriteResult> {
  return getDb().transaction(async (tx): Promise<EntryWriteResult> => {
    const found = await lockEntry(tx, actor, section, id);
    if (found !== "found") return { status: found };
    if (isProfileItemSection(section)) {
      await tx.delete(profileItems).where(and(eq(profileItems.id, id), isOwnedBySubject(actor, profileItems.personId)));
    } else {
      const table = section === "entourage" ? entourageContacts : healthProfessionalContacts;
      await tx.delete(table).where(and(eq(table.id, id), isOwnedBySubject(actor, table.personId)));
    }
    await record(tx, actor, "medical-profile.item-deleted", { type: targetTypeOf(section), id }, now);
    return { status: "deleted" };
  });
}
