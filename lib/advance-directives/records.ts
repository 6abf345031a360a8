import "server-only";
import { and, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { documents, insuredPersons } from "@/db/schema";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";
import { activityOf, recordActivity } from "@/lib/activity/record";
import { removeDocumentContent, storeDocument } from "@/lib/documents/content";
import type { DocumentMediaType } from "@/lib/documents/file-types";
import { UPLOAD_FIELDS, type UploadForm, checkUploadedFile } from "@/lib/documents/upload";
import type { FieldErrors } from "@/lib/form-state";
import { formatDateFr, toParisCalendarDate } from "@/lib/format";
import { renderAdvanceDirectives } from "@/lib/pdf/advance-directives";
import { displayName } from "@/lib/register/person-name";
import { fieldErrorsOf } from "@/lib/validation";
import { advanceDirectivesFormSchema } from "./form";

/** Directives anticipées are written by an adult only (Code de la santé publique, art. L1111-11). */
export const ADULT_AGE = 18;

export const MINOR_REFUSAL = `Les directives anticipées ne peuvent être rédigées que par une personne majeure (${ADULT_AGE} ans ou plus).`;

/** Whether someone born on `birthDate` ("YYYY-MM-DD") is under the adult age on the Paris calendar day of `now`. */
export function isMinorOn(birthDate: string, now: Date): boolean {
  const [year, month, day] = birthDate.split("-").map(Number) as [number, number, number];
  const [todayYear, todayMonth, todayDay] = toParisCalendarDate(now).split("-").map(Number) as [number, number, number];
  const hasHadBirthdayThisYear = todayMonth > month || (todayMonth === month && todayDay >= day);
  const age = todayYear - year - (hasHadBirthdayThisYear ? 0 : 1);
  return age < ADULT_AGE;
}

type Subject = { fullName: string; birthDate: string };

async function findSubject(executor: Executor, actor: Actor): Promise<Subject> {
  const [person] = await executor
    .select({ firstNames: insuredPersons.firstNames, birthName: insuredPersons.birthName, usageName: insuredPersons.usageName, birthDate: insuredPersons.birthDate })
    .from(insuredPersons)
    .where(eq(insuredPersons.id, actor.subject.personId));
  if (!person) throw new Error("the actor's subject has no register entry");
  return { fullName: displayName(person), birthDate: person.birthDate };
}

export type CurrentDirectives = { id: string; title: string; documentDate: string; isHiddenFromProfessionals: boolean } | null;

export type DirectivesPage = { status: "minor" } | { status: "adult"; current: CurrentDirectives };

/** What the page shows: the refusal for a minor, else the current directives document if any. */
export async function findDirectivesPage({ actor, now }: { actor: Actor; now: Date }): Promise<DirectivesPage> {
  const db = getDb();
  const subject = await findSubject(db, actor);
  if (isMinorOn(subject.birthDate, now)) return { status: "minor" };
  const [current] = await db
    .select({ id: documents.id, title: documents.title, documentDate: documents.documentDate, isHiddenFromProfessionals: documents.isHiddenFromProfessionals })
    .from(documents)
    .where(and(isOwnedBySubject(actor, documents.personId), eq(documents.category, "DIR_ANT")));
  return { status: "adult", current: current ?? null };
}

export type SaveDirectivesResult = { status: "saved"; documentId: string } | { status: "invalid"; fieldErrors: FieldErrors } | { status: "minor" };

/**
 * The online form: its answers drawn as "Mes directives anticipées" (PDF) and stored as the
 * subject's one "Directives anticipées" document (replaceDirectives). Refused for a minor, and
 * nothing is written on any error.
 */
export async function saveOnlineDirectives({ actor, values, now }: { actor: Actor; values: Record<string, unknown>; now: Date }): Promise<SaveDirectivesResult> {
  const db = getDb();
  const subject = await findSubject(db, actor);
  if (isMinorOn(subject.birthDate, now)) return { status: "minor" };
  const parsed = advanceDirectivesFormSchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const bytes = await renderAdvanceDirectives({ person: subject, answers: parsed.data, writtenAt: now });
  const documentId = await replaceDirectives({ actor, subject, bytes, mediaType: "application/pdf", action: "advance-directives.written", now });
  return { status: "saved", documentId };
}

export type UploadDirectivesResult = { status: "saved"; documentId: string } | { status: "invalid"; fieldErrors: FieldErrors } | { status: "minor" };

/**
 * "Déposer mes directives anticipées": a file the person wrote elsewhere (a scanned, signed
 * form…), read by the documents' one upload path and checked as any document's file (type from
 * its bytes, 5 MB), becomes the one "Directives anticipées" document, replacing the previous one
 * exactly as a new online version does. Refused for a minor; nothing is written on any error.
 */
export async function saveUploadedDirectives({ actor, form, now }: { actor: Actor; form: UploadForm; now: Date }): Promise<UploadDirectivesResult> {
  const subject = await findSubject(getDb(), actor);
  if (isMinorOn(subject.birthDate, now)) return { status: "minor" };
  const file = await checkUploadedFile(form);
  if (file.status === "refused") return { status: "invalid", fieldErrors: { [UPLOAD_FIELDS.file]: [file.message] } };
  const documentId = await replaceDirectives({ actor, subject, bytes: file.bytes, mediaType: file.mediaType, action: "advance-directives.uploaded", now });
  return { status: "saved", documentId };
}

/**
 * Stores `bytes` as the subject's one "Directives anticipées" document, authored by the patient:
 * the previous version's row and bytes go in the same transaction as the new one comes in, each
 * with its event, then the event of how it was written. Visible to professionals unless the
 * person masks new documents by default.
 */
async function replaceDirectives({
  actor,
  subject,
  bytes,
  mediaType,
  action,
  now,
}: {
  actor: Actor;
  subject: Subject;
  bytes: Uint8Array;
  mediaType: DocumentMediaType;
  action: "advance-directives.written" | "advance-directives.uploaded";
  now: Date;
}): Promise<string> {
  return getDb().transaction(async (tx) => {
    const previous = await tx
      .select({ id: documents.id, storage: documents.storage, storageKey: documents.storageKey })
      .from(documents)
      .where(and(isOwnedBySubject(actor, documents.personId), eq(documents.category, "DIR_ANT")))
      .for("update");
    for (const document of previous) {
      await tx.delete(documents).where(and(eq(documents.id, document.id), isOwnedBySubject(actor, documents.personId)));
      await removeDocumentContent(tx, { storage: document.storage, storageKey: document.storageKey });
      await recordActivity(tx, { ...activityOf(actor), action: "documents.deleted", target: { type: "document", id: document.id }, at: now });
    }
    const { documentId } = await storeDocument(tx, {
      personId: actor.subject.personId,
      title: `Directives anticipées du ${formatDateFr(now)}`,
      documentDate: toParisCalendarDate(now),
      category: "DIR_ANT",
      authorKind: "patient",
      authorAccountId: actor.account.id,
      authorName: subject.fullName,
      bytes,
      mediaType,
      recordedAs: activityOf(actor),
      now,
    });
    await recordActivity(tx, { ...activityOf(actor), action, target: { type: "document", id: documentId }, at: now });
    return documentId;
  });
}
