import "server-only";
import { type SQL, and, asc, desc, eq, inArray, or } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { documents, entourageContacts, insuredPersons, organDonationStatements, profileItems } from "@/db/schema";
import type { ProfessionalActor } from "@/lib/access/actor";
import type { DocumentAuthorKind } from "@/lib/documents/capabilities";
import { DOCUMENT_CATEGORY_LABELS, type DocumentCategory } from "@/lib/documents/categories";
import { type DocumentContentPurpose, STORED_DOCUMENT_COLUMNS, decryptStoredDocument } from "@/lib/documents/content";
import { documentTypeOf } from "@/lib/documents/document-types";
import { type DocumentMediaType, isDocumentMediaType } from "@/lib/documents/file-types";
import type { ProfileSectionKey } from "@/lib/medical-profile/sections";
import { type PartialDate, partialDateOf } from "@/lib/medical-profile/partial-date";
import { displayName } from "@/lib/register/person-name";
import { isUuid } from "@/lib/validation";
import { type CareEventView, findCareEventPage, isHealthHistoryHidden } from "@/lib/reimbursements/queries";
import { recordProfessionalRead } from "./activity";
import { type ProfessionalRequest, professionalMay } from "./decide";
import { type LoadedStanding, loadStanding } from "./standing";

/**
 * What a professional reads of a patient's record: the record's summary, the documents they may
 * see, one document's content, and the profile sections open to professionals. Every answer is
 * decided by professionalMay (lib/professional-access/decide.ts) on the standing read in one query;
 * anything it refuses is not found. Each read is an event of the patient's history, marked
 * "Accès en urgence" when reached by emergency.
 */

type Denied = { status: "not-found" } | { status: "blocked" } | { status: "no-access"; mayOpenEmergencyAccess: boolean };

function mayOf(loaded: LoadedStanding, actor: ProfessionalActor, request: ProfessionalRequest): boolean {
  return professionalMay(loaded.reach, request, { professionalId: actor.professional.id, isTypeAccessible: loaded.isTypeAccessible });
}

function deniedOf(loaded: LoadedStanding | null): Denied {
  if (!loaded) return { status: "not-found" };
  if (loaded.reach.reach === "blocked") return { status: "blocked" };
  if (loaded.reach.reach === "none") return { status: "no-access", mayOpenEmergencyAccess: loaded.reach.mayOpenEmergencyAccess };
  return { status: "not-found" };
}

function isEmergencyOf(loaded: LoadedStanding): boolean {
  return loaded.reach.reach === "record" && loaded.reach.isEmergency;
}

export type PatientRecordSummary = {
  status: "found";
  patient: { personId: string; fullName: string; firstNames: string; birthName: string; usageName: string | null; birthDate: string; sex: "F" | "M" };
  isEmergency: boolean;
  isAdministrator: boolean;
};

/** The record's page: who the patient is (what a professional needs to identify them), and how they reach it. */
export async function findPatientRecord(
  { actor, personId, now }: { actor: ProfessionalActor; personId: string; now: Date },
  executor: Executor = getDb(),
): Promise<PatientRecordSummary | Denied> {
  const loaded = await loadStanding(executor, { actor, personId, now });
  if (!loaded || !mayOf(loaded, actor, { kind: "open-record" }) || loaded.reach.reach !== "record") return deniedOf(loaded);
  const [person] = await executor
    .select({
      firstNames: insuredPersons.firstNames,
      birthName: insuredPersons.birthName,
      usageName: insuredPersons.usageName,
      birthDate: insuredPersons.birthDate,
      sex: insuredPersons.sex,
    })
    .from(insuredPersons)
    .where(eq(insuredPersons.id, loaded.personId));
  if (!person) return { status: "not-found" };
  await recordProfessionalRead(executor, { actor, loaded, action: "professional-access.record-opened", isEmergency: isEmergencyOf(loaded), now });
  return {
    status: "found",
    patient: { personId: loaded.personId, fullName: displayName(person), ...person },
    isEmergency: loaded.reach.isEmergency,
    isAdministrator: loaded.reach.isAdministrator,
  };
}

export type ProfessionalDocumentItem = {
  id: string;
  title: string;
  /** "YYYY-MM-DD". */
  documentDate: string;
  category: DocumentCategory;
  categoryLabel: string;
  typeCode: string;
  typeLabel: string;
  authorKind: DocumentAuthorKind;
  authorName: string;
  /** Shown only to those who may see masked documents (their author, an administrator, an emergency with « Documents masqués »). */
  isHiddenFromProfessionals: boolean;
  uploadedAt: Date;
};

const DOCUMENT_ITEM_COLUMNS = {
  id: documents.id,
  title: documents.title,
  documentDate: documents.documentDate,
  category: documents.category,
  typeCode: documents.typeCode,
  authorKind: documents.authorKind,
  authorName: documents.authorName,
  authorProfessionalId: documents.authorProfessionalId,
  isHiddenFromProfessionals: documents.isHiddenFromProfessionals,
  uploadedAt: documents.uploadedAt,
} as const;

/**
 * The SQL side of professionalMay's "read-document" for a list: the patient's documents of a type
 * the matrix opens to the profession and, unless masked documents are seen, not masked or
 * deposited by this professional. Every row is still passed through professionalMay.
 */
function documentsReachableBy(loaded: LoadedStanding, actor: ProfessionalActor): SQL | null {
  if (loaded.reach.reach !== "record" || loaded.accessibleTypeCodes.length === 0) return null;
  const owned = and(eq(documents.personId, loaded.personId), inArray(documents.typeCode, [...loaded.accessibleTypeCodes]));
  if (loaded.reach.seesMaskedDocuments) return owned as SQL;
  return and(owned, or(eq(documents.isHiddenFromProfessionals, false), eq(documents.authorProfessionalId, actor.professional.id))) as SQL;
}

function readRequestOf(row: { typeCode: string; isHiddenFromProfessionals: boolean; authorProfessionalId: string | null }): ProfessionalRequest {
  return {
    kind: "read-document",
    document: { typeCode: row.typeCode, isHiddenFromProfessionals: row.isHiddenFromProfessionals, authorProfessionalId: row.authorProfessionalId },
  };
}

function itemOf({ authorProfessionalId: _author, ...row }: { authorProfessionalId: string | null } & Omit<ProfessionalDocumentItem, "categoryLabel" | "typeLabel">) {
  return { ...row, categoryLabel: DOCUMENT_CATEGORY_LABELS[row.category], typeLabel: documentTypeOf(row.typeCode)?.label ?? row.typeCode };
}

/** The documents this professional may see of the patient's record, newest first by date. */
export async function listPatientDocuments(
  { actor, personId, now }: { actor: ProfessionalActor; personId: string; now: Date },
  executor: Executor = getDb(),
): Promise<{ status: "found"; documents: ProfessionalDocumentItem[] } | Denied> {
  const loaded = await loadStanding(executor, { actor, personId, now });
  if (!loaded || !mayOf(loaded, actor, { kind: "open-record" })) return deniedOf(loaded);
  const reachable = documentsReachableBy(loaded, actor);
  const rows = reachable
    ? await executor
        .select(DOCUMENT_ITEM_COLUMNS)
        .from(documents)
        .where(reachable)
        .orderBy(desc(documents.documentDate), desc(documents.uploadedAt), asc(documents.id))
    : [];
  const allowed = rows.filter((row) => mayOf(loaded, actor, readRequestOf(row)));
  await recordProfessionalRead(executor, { actor, loaded, action: "professional-access.documents-listed", isEmergency: isEmergencyOf(loaded), now });
  return { status: "found", documents: allowed.map(itemOf) };
}

export type ProfessionalDocumentContent =
  | { status: "found"; title: string; mediaType: DocumentMediaType; bytes: Buffer }
  | { status: "not-found" }
  /** The stored bytes do not decrypt: never served. */
  | { status: "refused" };

/**
 * One document's bytes, decrypted as the patient's own are (lib/documents/content.ts), with its
 * event. A document this professional may not read is not found, exactly like one that is none.
 */
export async function readPatientDocumentContent(
  { actor, personId, documentId, purpose, now }: { actor: ProfessionalActor; personId: string; documentId: string; purpose: DocumentContentPurpose; now: Date },
  executor: Executor = getDb(),
): Promise<ProfessionalDocumentContent> {
  if (!isUuid(documentId)) return { status: "not-found" };
  const loaded = await loadStanding(executor, { actor, personId, now });
  if (!loaded || loaded.reach.reach !== "record") return { status: "not-found" };
  const [row] = await executor
    .select({ ...STORED_DOCUMENT_COLUMNS, ...DOCUMENT_ITEM_COLUMNS, mediaType: documents.mediaType })
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.personId, loaded.personId)));
  if (!row || !isDocumentMediaType(row.mediaType) || !mayOf(loaded, actor, readRequestOf(row))) return { status: "not-found" };
  const bytes = await decryptStoredDocument(executor, row);
  if (!bytes) return { status: "refused" };
  await recordProfessionalRead(executor, {
    actor,
    loaded,
    action: purpose === "open" ? "professional-access.document-opened" : "professional-access.document-downloaded",
    target: { type: "document", id: row.id },
    isEmergency: isEmergencyOf(loaded),
    now,
  });
  return { status: "found", title: row.title, mediaType: row.mediaType, bytes };
}

export type ProfessionalProfileView = {
  status: "found";
  /** Each section professionals may see; an item the patient masked is left out. */
  vaccinations: { id: string; label: string; date: PartialDate | null; lotNumber: string | null; performer: string | null; details: string | null }[];
  entourage: {
    id: string;
    firstName: string;
    lastName: string;
    relation: string;
    mobile: string;
    isTrustedPerson: boolean;
    isEmergencyContact: boolean;
    isCaregiver: boolean;
  }[];
  /** The advance directives are documents (DIR_ANT): those this professional may read. */
  advanceDirectives: ProfessionalDocumentItem[];
  /** "J'ai pris connaissance de l'information sur le don d'organes", unless masked. */
  organDonation: { informedAt: Date } | null;
  /** "Mon histoire de santé", the latest care events without amounts; null when the patient masked it. */
  healthHistory: CareEventView[] | null;
};

/** Care events a professional reads at most on the record's page, the latest first. */
const HEALTH_HISTORY_ON_RECORD = 50;

/** Vaccinations and "Entourage et volontés", as far as professionalMay and each item's masking allow. */
export async function readPatientProfile(
  { actor, personId, now }: { actor: ProfessionalActor; personId: string; now: Date },
  executor: Executor = getDb(),
): Promise<ProfessionalProfileView | Denied> {
  const loaded = await loadStanding(executor, { actor, personId, now });
  if (!loaded || !mayOf(loaded, actor, { kind: "open-record" })) return deniedOf(loaded);
  const may = (section: ProfileSectionKey) => mayOf(loaded, actor, { kind: "read-profile-section", section });
  const reachableDocuments = documentsReachableBy(loaded, actor);
  const mayReadHealthHistory = mayOf(loaded, actor, {
    kind: "read-profile-section",
    section: "health-history",
    isHiddenFromProfessionals: await isHealthHistoryHidden(executor, loaded.personId),
  });
  const healthHistory = mayReadHealthHistory
    ? (
        await findCareEventPage({
          scope: { subjectPersonId: loaded.personId, seesSubjectSecret: true, beneficiaries: [{ personId: loaded.personId, fullName: "", isSubject: true }] },
          category: null,
          cursor: null,
          limit: HEALTH_HISTORY_ON_RECORD,
        })
      ).events
    : null;
  const [vaccinationRows, contactRows, directiveRows, donationRows] = await Promise.all([
    may("vaccination")
      ? executor
          .select()
          .from(profileItems)
          .where(
            and(eq(profileItems.personId, loaded.personId), eq(profileItems.section, "vaccination"), eq(profileItems.isHiddenFromProfessionals, false)),
          )
          .orderBy(asc(profileItems.createdAt), asc(profileItems.id))
      : [],
    may("entourage")
      ? executor
          .select()
          .from(entourageContacts)
          .where(and(eq(entourageContacts.personId, loaded.personId), eq(entourageContacts.isHiddenFromProfessionals, false)))
          .orderBy(asc(entourageContacts.createdAt), asc(entourageContacts.id))
      : [],
    may("advance-directives") && reachableDocuments
      ? executor
          .select(DOCUMENT_ITEM_COLUMNS)
          .from(documents)
          .where(and(reachableDocuments, eq(documents.category, "DIR_ANT")))
          .orderBy(desc(documents.documentDate), desc(documents.uploadedAt))
      : [],
    may("organ-donation")
      ? executor
          .select({ informedAt: organDonationStatements.informedAt })
          .from(organDonationStatements)
          .where(and(eq(organDonationStatements.personId, loaded.personId), eq(organDonationStatements.isHiddenFromProfessionals, false)))
      : [],
  ]);
  await recordProfessionalRead(executor, { actor, loaded, action: "professional-access.profile-read", isEmergency: isEmergencyOf(loaded), now });
  // Only when there was something to read: an empty section tells the professional nothing of the patient.
  if (healthHistory && healthHistory.length > 0) {
    await recordProfessionalRead(executor, { actor, loaded, action: "professional-access.health-history-read", isEmergency: isEmergencyOf(loaded), now });
  }
  return {
    status: "found",
    healthHistory,
    vaccinations: vaccinationRows.map((row) => ({
      id: row.id,
      label: row.label,
      date: partialDateOf(row.startYear, row.startMonth, row.startDay),
      lotNumber: row.lotNumber,
      performer: row.performer,
      details: row.details,
    })),
    entourage: contactRows.map((row) => ({
      id: row.id,
      firstName: row.firstName,
      lastName: row.lastName,
      relation: row.relation,
      mobile: row.mobile,
      isTrustedPerson: row.isTrustedPerson,
      isEmergencyContact: row.isEmergencyContact,
      isCaregiver: row.isCaregiver,
    })),
    advanceDirectives: directiveRows.filter((row) => mayOf(loaded, actor, readRequestOf(row))).map(itemOf),
    organDonation: donationRows[0] ?? null,
  };
}
