import "server-only";
import { Readable } from "node:stream";
import busboy from "busboy";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { documentFolders } from "@/db/schema";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";
import { activityOf } from "@/lib/activity/record";
import type { FieldErrors } from "@/lib/form-state";
import { fieldErrorsOf, isUuid } from "@/lib/validation";
import { documentRules } from "./rules";
import { documentCategoryField, documentDateField, documentTitleField } from "./schemas";
import { DOCUMENT_CATEGORY_LABELS, PATIENT_DOCUMENT_CATEGORIES } from "./categories";
import { storeDocument } from "./content";
import { type DocumentMediaType, MAX_DOCUMENT_BYTES, MAX_DOCUMENT_SIZE_LABEL, detectDocumentType } from "./file-types";
import { patientAuthorOf } from "@/lib/documents/authors";

/** "Titre": at most 50 characters (reference mes-data-model §1.2). */
export const DOCUMENT_TITLE_MAX_LENGTH = documentRules.titleMaxLength;

/** The form's field names, shared by the page, the route handler and the tests. */
export const UPLOAD_FIELDS = { file: "fichier", title: "titre", date: "date", category: "categorie", folder: "dossier" } as const;

/**
 * What one kind of upload may carry. A document: one file of at most MAX_DOCUMENT_BYTES under
 * "fichier", and four short fields with room for a browser's extras; anything beyond is not ours
 * to read. A message (lib/messaging/attachments.ts) names its own: several files, a total, a
 * longer text field.
 */
export type UploadLimits = {
  fileField: string;
  maxFiles: number;
  /** Every file of the body together. */
  maxTotalBytes: number;
  /** The longest field value, in bytes. */
  maxFieldBytes: number;
};

export const DOCUMENT_UPLOAD_LIMITS: UploadLimits = { fileField: UPLOAD_FIELDS.file, maxFiles: 1, maxTotalBytes: MAX_DOCUMENT_BYTES, maxFieldBytes: 1024 };

/** Slack for the multipart framing around a file of the maximum size, in a Content-Length check. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export const FILE_TOO_LARGE_MESSAGE = `Le fichier dépasse ${MAX_DOCUMENT_SIZE_LABEL}. Choisissez un fichier plus léger.`;

export type UploadedFile = { name: string; bytes: Buffer };

/**
 * `file` is the first of `files`: a document's upload has one. Files beyond `maxFiles` are not
 * read; `hasTooManyFiles` says there were some, for a form that must refuse rather than ignore them.
 */
export type UploadForm = { fields: Record<string, string>; file: UploadedFile | null; files?: UploadedFile[]; hasTooManyFiles?: boolean };

export type UploadReading = { status: "read"; form: UploadForm } | { status: "too-large" } | { status: "malformed" };

/**
 * Reads a multipart upload as it streams in, keeping at most the limit of the files in memory:
 * as soon as the files together pass `limits.maxTotalBytes` the reading stops (the source is
 * cancelled, so nothing more is pulled from the connection) and the answer is "too large". A 2 GB
 * body costs no more than its first few megabytes.
 */
export function readUploadForm(
  body: ReadableStream<Uint8Array> | null,
  contentType: string | null,
  limits: UploadLimits = DOCUMENT_UPLOAD_LIMITS,
): Promise<UploadReading> {
  if (!body || !contentType?.toLowerCase().startsWith("multipart/form-data")) return Promise.resolve({ status: "malformed" });
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      // busboy signals the limit when a file reaches it: one byte more than ours, so a file of exactly 5 MB passes.
      parser = busboy({
        headers: { "content-type": contentType },
        limits: {
          fields: 8,
          fieldSize: limits.maxFieldBytes,
          files: limits.maxFiles,
          parts: limits.maxFiles + 9,
          fieldNameSize: 64,
          fileSize: limits.maxTotalBytes + 1,
        },
      });
    } catch {
      resolve({ status: "malformed" });
      return;
    }
    const source = Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>);
    const fields: Record<string, string> = {};
    const files: UploadedFile[] = [];
    let totalBytes = 0;
    let isSettled = false;
    const settle = (reading: UploadReading) => {
      if (isSettled) return;
      isSettled = true;
      source.unpipe(parser);
      // Stops pulling from the request: what is left of an oversized body is never read.
      source.destroy();
      resolve(reading);
    };
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated) return settle({ status: "malformed" });
      fields[name] ??= value;
    });
    parser.on("file", (name, stream, info) => {
      // A truncated body errors the part too: the parser's own error settles the answer.
      stream.on("error", () => settle({ status: "malformed" }));
      if (name !== limits.fileField) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => {
        totalBytes += chunk.byteLength;
        if (totalBytes > limits.maxTotalBytes) return settle({ status: "too-large" });
        chunks.push(chunk);
      });
      stream.on("limit", () => settle({ status: "too-large" }));
      stream.on("end", () => {
        if (isSettled) return;
        const file = { name: info.filename ?? "", bytes: Buffer.concat(chunks) };
        // A file input left empty still sends a part without name or bytes: not a file.
        if (file.name || file.bytes.byteLength > 0) files.push(file);
      });
    });
    let hasTooManyFiles = false;
    parser.on("filesLimit", () => {
      hasTooManyFiles = true;
    });
    parser.on("partsLimit", () => settle({ status: "malformed" }));
    parser.on("fieldsLimit", () => settle({ status: "malformed" }));
    parser.on("error", () => settle({ status: "malformed" }));
    parser.on("close", () => settle({ status: "read", form: { fields, file: files[0] ?? null, files, hasTooManyFiles } }));
    source.on("error", () => settle({ status: "malformed" }));
    source.pipe(parser);
  });
}

/** The upload's fields: the same rules as editing a document's details (lib/documents/schemas.ts). */
function uploadSchema(now: Date) {
  return z.object({
    [UPLOAD_FIELDS.title]: documentTitleField,
    [UPLOAD_FIELDS.date]: documentDateField(now),
    [UPLOAD_FIELDS.category]: documentCategoryField,
    [UPLOAD_FIELDS.folder]: z
      .string()
      .optional()
      .transform((value) => (value ? value : null))
      .refine((value) => value === null || isUuid(value), "Choisissez un dossier de la liste."),
  });
}

export type UploadResult =
  | { status: "added"; documentId: string }
  | { status: "invalid"; fieldErrors: FieldErrors; values: Record<string, string> };

/** The typed values the form refills itself with after an error (never the file). */
function refillValues(fields: Record<string, string>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of [UPLOAD_FIELDS.title, UPLOAD_FIELDS.date, UPLOAD_FIELDS.category, UPLOAD_FIELDS.folder]) {
    if (typeof fields[name] === "string") values[name] = fields[name].slice(0, 200);
  }
  return values;
}

export type CheckedFile = { status: "accepted"; bytes: Buffer; mediaType: DocumentMediaType } | { status: "refused"; message: string };

/** The form's file, if one was chosen and its bytes are of an accepted type that its name agrees with. */
export async function checkUploadedFile(form: UploadForm): Promise<CheckedFile> {
  if (!form.file || (form.file.bytes.byteLength === 0 && !form.file.name)) return { status: "refused", message: "Choisissez un fichier." };
  const detected = await detectDocumentType(form.file.bytes, form.file.name);
  if (detected.status === "refused") return detected;
  return { status: "accepted", bytes: form.file.bytes, mediaType: detected.mediaType };
}

/**
 * "Ajouter un document": validates the fields and the file (its type read from the bytes and
 * checked against its name), then stores it for the actor's subject, authored by the patient
 * (their account, their name). Every problem is reported on its field at once, and nothing is
 * written unless all is right.
 */
export async function addUploadedDocument(
  executor: Executor,
  { actor, form, now }: { actor: Actor; form: UploadForm; now: Date },
): Promise<UploadResult> {
  const parsed = uploadSchema(now).safeParse(form.fields);
  const fieldErrors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const file = await checkUploadedFile(form);
  if (file.status === "refused") fieldErrors[UPLOAD_FIELDS.file] = [file.message];
  const folderId = parsed.success ? (parsed.data[UPLOAD_FIELDS.folder] as string | null) : null;
  if (folderId && !(await isSubjectFolder(executor, actor, folderId))) {
    fieldErrors[UPLOAD_FIELDS.folder] = ["Choisissez un dossier de la liste."];
  }
  if (!parsed.success || file.status !== "accepted" || Object.keys(fieldErrors).length > 0) {
    return { status: "invalid", fieldErrors, values: refillValues(form.fields) };
  }
  const data = parsed.data;
  const { documentId } = await storeDocument(executor, {
    personId: actor.subject.personId,
    title: data[UPLOAD_FIELDS.title] as string,
    documentDate: data[UPLOAD_FIELDS.date] as string,
    category: data[UPLOAD_FIELDS.category] as (typeof PATIENT_DOCUMENT_CATEGORIES)[number],
    folderId,
    ...(await patientAuthorOf(executor, actor)),
    bytes: file.bytes,
    mediaType: file.mediaType,
    recordedAs: activityOf(actor),
    now,
  });
  return { status: "added", documentId };
}

export async function isSubjectFolder(executor: Executor, actor: Actor, folderId: string): Promise<boolean> {
  const [folder] = await executor
    .select({ id: documentFolders.id })
    .from(documentFolders)
    .where(and(eq(documentFolders.id, folderId), isOwnedBySubject(actor, documentFolders.personId)));
  return Boolean(folder);
}

/** The folders the form offers, by name. */
export async function findFolderChoices(executor: Executor, { actor }: { actor: Actor }): Promise<{ id: string; name: string }[]> {
  return executor
    .select({ id: documentFolders.id, name: documentFolders.name })
    .from(documentFolders)
    .where(isOwnedBySubject(actor, documentFolders.personId))
    .orderBy(asc(documentFolders.name));
}

/** The category choices, in the list's order. */
export const CATEGORY_CHOICES = PATIENT_DOCUMENT_CATEGORIES.map((code) => ({ value: code, label: DOCUMENT_CATEGORY_LABELS[code] }));

