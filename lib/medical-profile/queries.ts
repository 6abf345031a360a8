import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  bloodGroups,
  documents,
  entourageContacts,
  healthProfessionalContacts,
  lifestyleAnswers,
  measurements,
  organDonationStatements,
  profileItems,
  profileSectionDeclarations,
} from "@/db/schema";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";
import { isUuid } from "@/lib/validation";
import { type ProfileAuthorKind, mayPatientChangeEntry } from "./authorship";
import { findMeasureKind, MEASURE_KINDS, type MeasureKind } from "./measures";
import { type PartialDate, partialDateOf } from "./partial-date";
import { type EntrySection, type ProfileSection, type ProfileSectionKey, PROFILE_SECTIONS, isProfileItemSection } from "./sections";

export type MeasurementEntry = {
  id: string;
  value: number;
  /** Blood pressure's diastolic, beside the systolic in `value`. */
  diastolicValue: number | null;
  measuredAt: Date;
  isHiddenFromProfessionals: boolean;
};

/** One kind of measurement with its history, newest first. */
export type MeasurementSeries = { kind: MeasureKind; entries: MeasurementEntry[] };

export type ProfileItem = Omit<
  typeof profileItems.$inferSelect,
  "personId" | "startYear" | "startMonth" | "startDay" | "endYear" | "endMonth" | "endDay"
> & {
  start: PartialDate | null;
  end: PartialDate | null;
  /** False for what a professional added or confirmed (lib/medical-profile/authorship.ts). */
  isChangeable: boolean;
};

export type EntourageContact = Omit<typeof entourageContacts.$inferSelect, "personId">;
export type HealthProfessionalContact = Omit<typeof healthProfessionalContacts.$inferSelect, "personId">;

export type MedicalProfile = {
  /** Only kinds with at least one measurement, in the order of MEASURE_KINDS. */
  measurements: MeasurementSeries[];
  items: Record<ProfileSection, ProfileItem[]>;
  /** When "Je ne suis pas concerné" was said, per section that has it. */
  notConcerned: Partial<Record<ProfileSection, Date>>;
  bloodGroup: { value: string; authorKind: ProfileAuthorKind; isChangeable: boolean; updatedAt: Date } | null;
  organDonation: { informedAt: Date; isHiddenFromProfessionals: boolean } | null;
  healthProfessionals: HealthProfessionalContact[];
  entourage: EntourageContact[];
  /** The latest answer to each lifestyle question, by its code. */
  lifestyle: Record<string, { answer: string; answeredAt: Date }>;
  /** The one "Directives anticipées" document (written online or uploaded), if any. */
  advanceDirectives: { documentId: string } | null;
};

function itemOf(row: typeof profileItems.$inferSelect): ProfileItem {
  const { personId: _personId, startYear, startMonth, startDay, endYear, endMonth, endDay, ...rest } = row;
  return {
    ...rest,
    start: partialDateOf(startYear, startMonth, startDay),
    end: partialDateOf(endYear, endMonth, endDay),
    isChangeable: mayPatientChangeEntry(row),
  };
}

/** The subject's medical profile, everything included (hidden items are the subject's too). */
export async function findMedicalProfile({ actor }: { actor: Actor }): Promise<MedicalProfile> {
  const db = getDb();
  const [measurementRows, itemRows, declarationRows, bloodGroupRows, organDonationRows, professionalRows, contactRows, lifestyleRows, directivesRows] =
    await Promise.all([
      db
        .select()
        .from(measurements)
        .where(isOwnedBySubject(actor, measurements.personId))
        .orderBy(desc(measurements.measuredAt), desc(measurements.createdAt)),
      db
        .select()
        .from(profileItems)
        .where(isOwnedBySubject(actor, profileItems.personId))
        .orderBy(asc(profileItems.createdAt), asc(profileItems.id)),
      db.select().from(profileSectionDeclarations).where(isOwnedBySubject(actor, profileSectionDeclarations.personId)),
      db.select().from(bloodGroups).where(isOwnedBySubject(actor, bloodGroups.personId)),
      db.select().from(organDonationStatements).where(isOwnedBySubject(actor, organDonationStatements.personId)),
      db
        .select()
        .from(healthProfessionalContacts)
        .where(isOwnedBySubject(actor, healthProfessionalContacts.personId))
        .orderBy(asc(healthProfessionalContacts.createdAt), asc(healthProfessionalContacts.id)),
      db
        .select()
        .from(entourageContacts)
        .where(isOwnedBySubject(actor, entourageContacts.personId))
        .orderBy(asc(entourageContacts.createdAt), asc(entourageContacts.id)),
      db.select().from(lifestyleAnswers).where(isOwnedBySubject(actor, lifestyleAnswers.personId)),
      db
        .select({ documentId: documents.id })
        .from(documents)
        .where(and(isOwnedBySubject(actor, documents.personId), eq(documents.category, "DIR_ANT")))
        .limit(1),
    ]);

  const seriesByCode = new Map<string, MeasurementSeries>();
  for (const row of measurementRows) {
    const kind = findMeasureKind(row.code);
    // A value stored in another unit than the kind's would be shown wrongly: leave it out.
    if (!kind || kind.storedUnit !== row.unit) continue;
    const series = seriesByCode.get(kind.code) ?? { kind, entries: [] };
    series.entries.push({
      id: row.id,
      value: row.value,
      diastolicValue: row.diastolicValue,
      measuredAt: row.measuredAt,
      isHiddenFromProfessionals: row.isHiddenFromProfessionals,
    });
    seriesByCode.set(kind.code, series);
  }

  const items = Object.fromEntries(
    PROFILE_SECTIONS.flatMap(({ key }) => (isProfileItemSection(key) ? [[key, [] as ProfileItem[]]] : [])),
  ) as Record<ProfileSection, ProfileItem[]>;
  for (const row of itemRows) items[row.section].push(itemOf(row));

  const bloodGroup = bloodGroupRows[0];
  const organDonation = organDonationRows[0];
  const withoutPerson = <T extends { personId: string }>({ personId: _personId, ...rest }: T) => rest;
  return {
    measurements: MEASURE_KINDS.flatMap((kind) => seriesByCode.get(kind.code) ?? []),
    items,
    notConcerned: Object.fromEntries(declarationRows.map((row) => [row.section, row.declaredAt])),
    bloodGroup: bloodGroup
      ? { value: bloodGroup.bloodGroup, authorKind: bloodGroup.authorKind, isChangeable: mayPatientChangeEntry(bloodGroup), updatedAt: bloodGroup.updatedAt }
      : null,
    organDonation: organDonation ? { informedAt: organDonation.informedAt, isHiddenFromProfessionals: organDonation.isHiddenFromProfessionals } : null,
    healthProfessionals: professionalRows.map(withoutPerson),
    entourage: contactRows.map(withoutPerson),
    lifestyle: Object.fromEntries(lifestyleRows.map((row) => [row.question, { answer: row.answer, answeredAt: row.answeredAt }])),
    advanceDirectives: directivesRows[0] ?? null,
  };
}

/** Whether a section holds anything: entries, a value, or a "Je ne suis pas concerné". */
export function isProfileSectionFilled(profile: MedicalProfile, key: ProfileSectionKey): boolean {
  if (isProfileItemSection(key)) return profile.items[key].length > 0 || profile.notConcerned[key] !== undefined;
  switch (key) {
    case "blood-group":
      return profile.bloodGroup !== null;
    case "measurements":
      return profile.measurements.length > 0;
    case "health-professionals":
      return profile.healthProfessionals.length > 0;
    case "entourage":
      return profile.entourage.length > 0;
    case "organ-donation":
      return profile.organDonation !== null;
    case "lifestyle":
      return Object.keys(profile.lifestyle).length > 0;
    case "advance-directives":
      return profile.advanceDirectives !== null;
  }
}

/** "Compléter mon profil": the sections still empty, in the page's order. */
export function findEmptySections(profile: MedicalProfile): ProfileSectionKey[] {
  return PROFILE_SECTIONS.filter(({ key }) => !isProfileSectionFilled(profile, key)).map(({ key }) => key);
}

/** Values of an edit form, as its fields are named (lib/medical-profile/entries.ts). */
export type EntryFormValues = Record<string, string | string[]>;

export type EditableEntry = { values: EntryFormValues; isChangeable: boolean; title: string };

function dateValues(prefix: "start" | "end", date: PartialDate | null): EntryFormValues {
  return {
    [`${prefix}Year`]: date ? String(date.year) : "",
    [`${prefix}Month`]: date?.month ? String(date.month) : "",
    [`${prefix}Day`]: date?.day ? String(date.day) : "",
  };
}

const orEmpty = (value: string | number | null) => (value === null ? "" : String(value));

/** The subject's entry `id` of `section` as its form shows it, or null (another person's, gone, malformed). */
export async function findEntry({ actor, section, id }: { actor: Actor; section: EntrySection; id: string }): Promise<EditableEntry | null> {
  if (!isUuid(id)) return null;
  const db = getDb();
  if (isProfileItemSection(section)) {
    const [row] = await db
      .select()
      .from(profileItems)
      .where(and(eq(profileItems.id, id), eq(profileItems.section, section), isOwnedBySubject(actor, profileItems.personId)));
    if (!row) return null;
    const item = itemOf(row);
    return {
      title: item.label,
      isChangeable: item.isChangeable,
      values: {
        label: item.label,
        details: orEmpty(item.details),
        ...dateValues("start", item.start),
        ...dateValues("end", item.end),
        isOngoing: item.isOngoing ? "on" : "",
        dosage: orEmpty(item.dosage),
        durationValue: orEmpty(item.durationValue),
        durationUnit: orEmpty(item.durationUnit),
        disabilityTypes: item.disabilityTypes ?? [],
        disabilityRate: orEmpty(item.disabilityRate),
        technicalHelp: orEmpty(item.technicalHelp),
        humanHelp: orEmpty(item.humanHelp),
        familyRelationship: orEmpty(item.familyRelationship),
        vaccineAdministration: orEmpty(item.vaccineAdministration),
        lotNumber: orEmpty(item.lotNumber),
        performer: orEmpty(item.performer),
      },
    };
  }
  if (section === "entourage") {
    const [row] = await db.select().from(entourageContacts).where(and(eq(entourageContacts.id, id), isOwnedBySubject(actor, entourageContacts.personId)));
    if (!row) return null;
    return {
      title: `${row.firstName} ${row.lastName}`,
      isChangeable: true,
      values: {
        firstName: row.firstName,
        lastName: row.lastName,
        relation: row.relation,
        mobile: row.mobile,
        postalCode: row.postalCode,
        city: row.city,
        address: orEmpty(row.address),
        roles: [
          ...(row.isTrustedPerson ? ["trusted-person"] : []),
          ...(row.isEmergencyContact ? ["emergency-contact"] : []),
          ...(row.isCaregiver ? ["caregiver"] : []),
        ],
      },
    };
  }
  const [row] = await db
    .select()
    .from(healthProfessionalContacts)
    .where(and(eq(healthProfessionalContacts.id, id), isOwnedBySubject(actor, healthProfessionalContacts.personId)));
  if (!row) return null;
  return {
    title: row.name,
    isChangeable: true,
    values: { name: row.name, speciality: row.speciality, phone: orEmpty(row.phone), address: orEmpty(row.address), role: orEmpty(row.role) },
  };
}
