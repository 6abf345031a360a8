import "server-only";
import { type Executor, getDb } from "@/db/client";
import type { ProfessionalActor } from "@/lib/access/actor";
import { storeDocument } from "@/lib/documents/content";
import { documentTypeOf } from "@/lib/documents/document-types";
import { detectDocumentType, MAX_DOCUMENT_BYTES } from "@/lib/documents/file-types";
import { documentPath } from "@/lib/documents/paths";
import { FILE_TOO_LARGE_MESSAGE } from "@/lib/documents/upload";
import { documentAddedEmail, documentAddedSms } from "@/lib/delivery/templates/documents";
import { notify } from "@/lib/notifications/notify";
import { professionalActivityOf } from "./activity";
import { professionalMay } from "./decide";
import { depositFieldsSchema } from "./schemas";
import { loadStanding } from "./standing";

export type DepositResult =
  | { status: "added"; documentId: string }
  | { status: "invalid"; errors: Partial<Record<"title" | "documentDate" | "typeCode" | "file", string>> }
  | { status: "not-found" };

/**
 * A professional adds a document to the patient's record, as its author: filed under one of the
 * professional DMP types (its category follows), with the patient's default masking for new
 * documents. Allowed whenever professionalMay says "deposit-document", which includes a blocked
 * professional (§6.2). The patient may then only mask, pin, move or report it
 * (lib/documents/capabilities.ts).
 */
export async function depositDocument(
  {
    actor,
    personId,
    values,
    file,
    now,
  }: { actor: ProfessionalActor; personId: string; values: Record<string, unknown>; file: { name: string; bytes: Uint8Array } | null; now: Date },
  executor: Executor = getDb(),
): Promise<DepositResult> {
  const parsed = depositFieldsSchema(now).safeParse(values);
  const errors: Partial<Record<"title" | "documentDate" | "typeCode" | "file", string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof typeof errors;
      errors[field] ??= issue.message;
    }
  }
  let mediaType = null;
  if (!file) errors.file = "Choisissez un fichier.";
  else if (file.bytes.byteLength > MAX_DOCUMENT_BYTES) errors.file = FILE_TOO_LARGE_MESSAGE;
  else {
    const detected = await detectDocumentType(file.bytes, file.name);
    if (detected.status === "refused") errors.file = detected.message;
    else mediaType = detected.mediaType;
  }
  if (!parsed.success || !file || !mediaType || Object.keys(errors).length > 0) return { status: "invalid", errors };
  const loaded = await loadStanding(executor, { actor, personId, now });
  if (
    !loaded ||
    !professionalMay(loaded.reach, { kind: "deposit-document" }, { professionalId: actor.professional.id, isTypeAccessible: loaded.isTypeAccessible })
  ) {
    return { status: "not-found" };
  }
  const type = documentTypeOf(parsed.data.typeCode);
  if (!type) return { status: "invalid", errors: { typeCode: "Choisissez le type du document." } };
  const documentId = await executor.transaction(async (tx) => {
      const stored = await storeDocument(tx, {
      personId: loaded.personId,
      title: parsed.data.title,
      documentDate: parsed.data.documentDate,
      category: type.category,
      typeCode: type.code,
      authorKind: "professional",
      // authorAccountId names a patient-side account (their own upload); a professional is named by authorProfessionalId.
      authorAccountId: null,
      authorProfessionalId: actor.professional.id,
      authorName: actor.professional.fullName,
      bytes: file.bytes,
      mediaType,
      recordedAs: { ...professionalActivityOf(actor, loaded.personId), isEmergency: loaded.reach.reach === "record" && loaded.reach.isEmergency },
      now,
    });
    // In the document's transaction: no notification of a document that was not stored.
    await notify(tx, {
      personId: loaded.personId,
      kind: "document_added",
      title: `Nouveau document : ${parsed.data.title}`,
      path: documentPath(stored.documentId),
      actorName: actor.professional.fullName,
      target: { type: "document", id: stored.documentId },
      at: now,
      notice: {
        template: "document-added",
        compose: (recipient) => {
          return { email: documentAddedEmail(recipient), sms: documentAddedSms(recipient) };
        },
      },
    });
    return stored.documentId;
  });
  return { status: "added", documentId };
}
