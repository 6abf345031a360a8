import "server-only";
import { type SQL, and, asc, count, desc, eq, inArray, or } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { documents, entourageContacts, organDonationStatements, profileItems } from "@/db/schema";
import type { ProfessionalActor } from "@/lib/access/actor";
import type { DocumentAuthorKind } from "@/lib/documents/capabilities";
import { DOCUMENT_CATEGORY_LABELS, type DocumentCategory } from "@/lib/documents/categories";
import { type DocumentContentPurpose, STORED_DOCUMENT_COLUMNS, decryptStoredDocument } from "@/lib/documents/content";
import { documentTypeOf } from "@/lib/documents/document-types";
import { documentRules } from "@/lib/documents/rules";
import { type DocumentMediaType, isDocumentMediaType } from "@/lib/documents/file-types";
import type { ProfileSectionKey } from "@/lib/medical-profile/sections";
import { type PartialDate, partialDateOf } from "@/lib/medical-profile/partial-date";
import { displayName } from "@/lib/register/person-name";
import { findPersonIdentity } from "@/lib/register/queries";
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

export type ProfessionalDocumentPage = {
  documents: ProfessionalDocumentItem[];
  /** Documents this professional may see, all pages together. */
  total: number;
  page: number;
  pageCount: number;
};

/**
 * One page of the documents this professional may see of the patient's record, newest first by
 * date, paged as the patient's own list is (lib/documents/queries.ts findDocumentPage: its page
 * size, a page past the end shows the last one).
 */
async function documentPageOf(
  executor: Executor,
  { loaded, actor, page }: { loaded: LoadedStanding; actor: ProfessionalActor; page: number },
): Promise<ProfessionalDocumentPage> {
  const reachable = documentsReachableBy(loaded, actor);
  if (!reachable) return { documents: [], total: 0, page: 1, pageCount: 1 };
  const [counted] = await executor.select({ total: count() }).from(documents).where(reachable);
  const total = Number(counted?.total ?? 0);
  const size = documentRules.pageSize;
  const pageCount = Math.max(1, Math.ceil(total / size));
  const current = Math.min(page, pageCount);
  const rows = await executor
    .select(DOCUMENT_ITEM_COLUMNS)
    .from(documents)
    .where(reachable)
    .orderBy(desc(documents.documentDate), desc(documents.uploadedAt), asc(documents.id))
    .limit(size)
    .offset((current - 1) * size);
  const allowed = rows.filter((row) => mayOf(loaded, actor, readRequestOf(row))).map(itemOf);
  return { documents: allowed, total, page: current, pageCount };
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
async function profileOf(executor: Executor, loaded: LoadedStanding, actor: ProfessionalActor): Promise<ProfessionalProfileView> {
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
  return {
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
    healthHistory,
  };
}

export type PatientRecordView = {
  status: "found";
  patient: { personId: string; fullName: string; firstNames: string; birthName: string; usageName: string | null; birthDate: string; sex: "F" | "M" };
  isEmergency: boolean;
  isAdministrator: boolean;
  documentPage: ProfessionalDocumentPage;
  profile: ProfessionalProfileView;
  /** Whether « Ajouter un rendez-vous » is offered: professionalMay's "add-appointment". */
  mayAddAppointment: boolean;
};

/**
 * The record's page, read on one standing: who the patient is (what a professional needs to
 * identify them), how the professional reaches the record, one page of the documents and the
 * profile sections open to them. One view of the record is one event of the patient's history, « Consultation du
 * dossier », marked "Accès en urgence" when reached by emergency.
 */
export async function openPatientRecord(
  { actor, personId, now, page = 1 }: { actor: ProfessionalActor; personId: string; now: Date; page?: number },
  executor: Executor = getDb(),
): Promise<PatientRecordView | Denied> {
  const loaded = await loadStanding(executor, { actor, personId, now });
  if (!loaded || !mayOf(loaded, actor, { kind: "open-record" }) || loaded.reach.reach !== "record") return deniedOf(loaded);
  const [person, documentPage, profile] = await Promise.all([
    findPersonIdentity(executor, loaded.personId),
    documentPageOf(executor, { loaded, actor, page }),
    profileOf(executor, loaded, actor),
  ]);
  if (!person) return { status: "not-found" };
  await recordProfessionalRead(executor, { actor, loaded, action: "professional-access.record-opened", isEmergency: isEmergencyOf(loaded), now });
  // « Mon histoire de santé » comes from the Assurance Maladie, not from the record: its reading is
  // an event of its own, when there was something to read (an empty section tells nothing).
  if (profile.healthHistory && profile.healthHistory.length > 0) {
    await recordProfessionalRead(executor, { actor, loaded, action: "professional-access.health-history-read", isEmergency: isEmergencyOf(loaded), now });
  }
  const { firstNames, birthName, usageName, birthDate, sex } = person;
  return {
    status: "found",
    patient: { personId: loaded.personId, fullName: displayName(person), firstNames, birthName, usageName, birthDate, sex },
    isEmergency: loaded.reach.isEmergency,
    isAdministrator: loaded.reach.isAdministrator,
    documentPage,
    profile,
    mayAddAppointment: mayOf(loaded, actor, { kind: "add-appointment" }),
  };
}

/**
 * Who the patient is, for a page that acts on the record without reading it (« Écrire au
 * patient », « Ajouter un rendez-vous »): found only when professionalMay allows `request`. The
 * professional found the patient by this identity, so reading it records no event.
 */
export async function findPatientFor(
  { actor, personId, now, request }: { actor: ProfessionalActor; personId: string; now: Date; request: ProfessionalRequest },
  executor: Executor = getDb(),
): Promise<{ status: "found"; patient: { personId: string; fullName: string } } | Denied> {
  const loaded = await loadStanding(executor, { actor, personId, now });
  if (!loaded || !mayOf(loaded, actor, request)) return deniedOf(loaded);
  const person = await findPersonIdentity(executor, loaded.personId);
  if (!person) return { status: "not-found" };
  return { status: "found", patient: { personId: loaded.personId, fullName: displayName(person) } };
}

/**
 * Whether « Ajouter un document » opens for this patient: professionalMay's "deposit-document",
 * which a blocked professional keeps. It reads nothing of the record, so it records no event.
 */
export async function mayDepositTo(
  { actor, personId, now }: { actor: ProfessionalActor; personId: string; now: Date },
  executor: Executor = getDb(),
): Promise<boolean> {
  const loaded = await loadStanding(executor, { actor, personId, now });
  return loaded !== null && mayOf(loaded, actor, { kind: "deposit-document" });
}
