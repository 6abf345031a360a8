import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { documentSettings, documents } from "@/db/schema";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";
import { activityOf, recordActivity } from "@/lib/activity/record";
import { storeDocument } from "@/lib/documents/content";
import type { FieldErrors } from "@/lib/form-state";
import { formatDateFr, formatLongDateFr, formatMobileFr, toParisCalendarDate } from "@/lib/format";
import { type SynthesisSection, renderMedicalSynthesis } from "@/lib/pdf/medical-synthesis";
import { formatNir } from "@/lib/register/nir";
import { type PersonIdentity, findPersonIdentity } from "@/lib/register/queries";
import { displayName, usualFirstName } from "@/lib/register/person-name";
import { BLOOD_GROUPS, ENTOURAGE_RELATIONS, HEALTH_PROFESSIONAL_ROLES, choiceLabel } from "./entries";
import { itemLines } from "./item-lines";
import { LIFESTYLE_THEMES } from "./lifestyle";
import { formatMeasurement } from "./measures";
import { type MedicalProfile, findMedicalProfile } from "./queries";
import { PROFILE_SECTIONS, type ProfileSectionKey, isProfileItemSection } from "./sections";
import { NO_VISIBILITY_CHOSEN, SYNTHESIS_FIELDS, parseSynthesisSections, parseSynthesisVisibility } from "./synthesis-form";
import { patientAuthorOf } from "@/lib/documents/authors";

/**
 * « Partager une synthèse »: the sections the person chose, as they stand, in a PDF they download
 * or keep in their documents. It is made to be shown to professionals, so whatever the person
 * masked from them is left out here, before the PDF is drawn.
 */

type DirectivesDocument = { id: string; title: string; documentDate: string; isHiddenFromProfessionals: boolean };

/** The one section's entries, with what the person masked from professionals left out. */
function buildSection(key: ProfileSectionKey, profile: MedicalProfile, directives: DirectivesDocument | null): SynthesisSection {
  const info = PROFILE_SECTIONS.find((candidate) => candidate.key === key);
  if (!info) throw new Error(`unknown profile section ${key}`);
  const section: SynthesisSection = { title: info.title, entries: [], emptyText: info.emptyText };
  if (isProfileItemSection(key)) {
    section.entries = profile.items[key]
      .filter((item) => !item.isHiddenFromProfessionals)
      .map((item) => ({ heading: item.label, details: [...itemLines(item), ...(item.details ? [item.details] : [])] }));
    if (section.entries.length === 0) section.notConcernedSince = profile.notConcerned[key] ?? null;
    return section;
  }
  switch (key) {
    case "blood-group":
      if (profile.bloodGroup) section.entries = [{ heading: choiceLabel(BLOOD_GROUPS, profile.bloodGroup.value) ?? profile.bloodGroup.value, details: [] }];
      break;
    case "measurements":
      // The latest value of each kind that the person did not mask.
      section.entries = profile.measurements.flatMap(({ kind, entries }) => {
        const latest = entries.find((entry) => !entry.isHiddenFromProfessionals);
        if (!latest) return [];
        return [{ heading: `${kind.label} : ${formatMeasurement(kind, latest.value, latest.diastolicValue)}`, details: [`Mesuré le ${formatDateFr(latest.measuredAt)}`] }];
      });
      break;
    case "health-professionals":
      section.entries = profile.healthProfessionals.map((contact) => ({
        heading: contact.name,
        details: [
          contact.role ? (choiceLabel(HEALTH_PROFESSIONAL_ROLES, contact.role) ?? "") : "",
          contact.speciality,
          contact.phone ? `Téléphone : ${contact.phone}` : "",
          contact.address ? `Adresse : ${contact.address}` : "",
        ].filter(Boolean),
      }));
      break;
    case "entourage":
      section.entries = profile.entourage
        .filter((contact) => !contact.isHiddenFromProfessionals)
        .map((contact) => ({
          heading: `${contact.firstName} ${contact.lastName}`,
          details: [
            [contact.isTrustedPerson ? "Personne de confiance" : null, contact.isEmergencyContact ? "Contact d'urgence" : null, contact.isCaregiver ? "Aidant" : null]
              .filter(Boolean)
              .join(", "),
            `Relation : ${choiceLabel(ENTOURAGE_RELATIONS, contact.relation)}`,
            `Mobile : ${formatMobileFr(contact.mobile)}`,
          ].filter(Boolean),
        }));
      break;
    case "organ-donation":
      if (profile.organDonation && !profile.organDonation.isHiddenFromProfessionals) {
        section.entries = [
          { heading: "Information sur le don d'organes", details: [`A pris connaissance de l'information le ${formatLongDateFr(profile.organDonation.informedAt)}.`] },
        ];
      }
      break;
    case "advance-directives":
      if (directives && !directives.isHiddenFromProfessionals) {
        section.entries = [{ heading: directives.title, details: [`Document du ${formatDateFr(directives.documentDate)}, dans les documents de Mon espace santé.`] }];
      }
      break;
    case "lifestyle":
      section.entries = LIFESTYLE_THEMES.flatMap((theme) => {
        const details = theme.questions.flatMap((question) => {
          const answer = profile.lifestyle[question.code];
          return answer ? [`${question.label} : ${choiceLabel(question.choices, answer.answer) ?? answer.answer}`] : [];
        });
        return details.length > 0 ? [{ heading: theme.title, details }] : [];
      });
      break;
  }
  return section;
}

/** The sections of a synthesis, from the subject's profile (pure: tested on its own). */
export function buildSynthesisSections(profile: MedicalProfile, keys: readonly ProfileSectionKey[], directives: DirectivesDocument | null): SynthesisSection[] {
  return keys.map((key) => buildSection(key, profile, directives));
}

/** The subject's current advance directives, the newest document of that category. */
export async function findCurrentDirectives(executor: Executor, actor: Actor): Promise<DirectivesDocument | null> {
  const [row] = await executor
    .select({ id: documents.id, title: documents.title, documentDate: documents.documentDate, isHiddenFromProfessionals: documents.isHiddenFromProfessionals })
    .from(documents)
    .where(and(isOwnedBySubject(actor, documents.personId), eq(documents.category, "DIR_ANT")))
    .orderBy(desc(documents.uploadedAt))
    .limit(1);
  return row ?? null;
}

async function findSubjectIdentity(executor: Executor, actor: Actor): Promise<PersonIdentity> {
  const person = await findPersonIdentity(executor, actor.subject.personId);
  if (!person) throw new Error("the actor's subject has no register entry");
  return person;
}

/** Letters without accents, digits and hyphens: a name any browser and file system keeps as it is. */
function asciiFilePart(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/[^A-Za-z0-9-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "X"
  );
}

const parisClock = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** `Profilmedical_<Prénom>_<Nom>_<yyyymmdd>_<hhmm>.pdf`, in Paris time and ASCII letters. */
export function synthesisFilename(person: Pick<PersonIdentity, "firstNames" | "birthName" | "usageName">, generatedAt: Date): string {
  const day = toParisCalendarDate(generatedAt).replaceAll("-", "");
  const clock = parisClock.format(generatedAt).replace(":", "");
  return `Profilmedical_${asciiFilePart(usualFirstName(person))}_${asciiFilePart(person.usageName ?? person.birthName)}_${day}_${clock}.pdf`;
}

async function renderFor(executor: Executor, actor: Actor, sections: ProfileSectionKey[], now: Date) {
  const [identity, profile, directives] = await Promise.all([findSubjectIdentity(executor, actor), findMedicalProfile({ actor }), findCurrentDirectives(executor, actor)]);
  const bytes = await renderMedicalSynthesis({
    person: { fullName: displayName(identity), birthDate: identity.birthDate, insMatricule: formatNir(identity.nir) },
    generatedAt: now,
    sections: buildSynthesisSections(profile, sections, directives),
  });
  return { bytes, filename: synthesisFilename(identity, now) };
}

/** "Télécharger la synthèse (PDF)": the PDF of the chosen sections and its file name, the download recorded. */
export async function downloadMedicalSynthesis({ actor, sections, now }: { actor: Actor; sections: ProfileSectionKey[]; now: Date }) {
  const db = getDb();
  const synthesis = await renderFor(db, actor, sections, now);
  await recordActivity(db, { ...activityOf(actor), action: "medical-profile.synthesis-downloaded", target: { type: "medical_profile", id: actor.subject.personId }, at: now });
  return synthesis;
}

/** Whether the subject's new documents are masked from professionals by default: then the form asks. */
export async function isSynthesisVisibilityAsked(executor: Executor, actor: Actor): Promise<boolean> {
  const [settings] = await executor
    .select({ hide: documentSettings.hideNewDocumentsFromProfessionals })
    .from(documentSettings)
    .where(isOwnedBySubject(actor, documentSettings.personId));
  return settings?.hide ?? false;
}

export type SaveSynthesisResult = { status: "saved"; documentId: string } | { status: "invalid"; fieldErrors: FieldErrors };

/**
 * "Enregistrer dans mes documents": the synthesis stored as a "Synthèse médicale" document of the
 * subject, authored by the patient who made it (as the real service shows it). Visible to
 * professionals, unless the person masks new documents by default: then the form asked, and an
 * answer is required.
 */
export async function saveMedicalSynthesis({
  actor,
  sections: submittedSections,
  visibility,
  now,
}: {
  actor: Actor;
  sections: unknown[];
  visibility: unknown;
  now: Date;
}): Promise<SaveSynthesisResult> {
  const db = getDb();
  const fieldErrors: FieldErrors = {};
  const sections = parseSynthesisSections(submittedSections);
  if (sections.status === "invalid") Object.assign(fieldErrors, sections.fieldErrors);
  const isAsked = await isSynthesisVisibilityAsked(db, actor);
  const answer = parseSynthesisVisibility(visibility);
  if (isAsked && answer.status === "invalid") fieldErrors[SYNTHESIS_FIELDS.visibility] = [NO_VISIBILITY_CHOSEN];
  if (sections.status === "invalid" || Object.keys(fieldErrors).length > 0) return { status: "invalid", fieldErrors };
  const { bytes } = await renderFor(db, actor, sections.sections, now);
  const { documentId } = await storeDocument(db, {
    personId: actor.subject.personId,
    title: `Synthèse médicale du ${formatDateFr(now)}`,
    documentDate: toParisCalendarDate(now),
    category: "SYNTH_PML",
    ...(await patientAuthorOf(db, actor)),
    bytes,
    mediaType: "application/pdf",
    isHiddenFromProfessionals: isAsked && answer.status === "valid" && answer.isHidden,
    recordedAs: activityOf(actor),
    now,
  });
  return { status: "saved", documentId };
}

