import { randomUUID } from "node:crypto";
import type { DocumentCategory } from "@/lib/documents/categories";
import { patientDocumentTypeOf } from "@/lib/documents/document-types";
import { sql } from "./register";

export type TestDocumentInput = {
  title: string;
  authorKind?: "patient" | "professional" | "establishment" | "insurer" | "service";
  authorName?: string;
  category?: DocumentCategory;
  /** Unset: the category's own code for a patient's upload, a consultation report (11488-4) for anyone else. */
  typeCode?: string;
  documentDate?: string;
  mediaType?: string;
  folderId?: string | null;
  isHiddenFromProfessionals?: boolean;
};

/**
 * A document row of a person's record, as the upload or a professional would leave it, made in
 * SQL: stored in the database store under a random key with an empty wrapped key (these journeys
 * never read its bytes). The patient's own upload unless told otherwise.
 */
export async function createTestDocument(personId: string, input: TestDocumentInput): Promise<{ id: string; title: string }> {
  const authorKind = input.authorKind ?? "patient";
  const category = input.category ?? (authorKind === "patient" ? "AUTR_DOC" : "CPT_REND");
  const typeCode = input.typeCode ?? (authorKind === "patient" ? patientDocumentTypeOf(category) : "11488-4");
  const id = randomUUID();
  await sql`
    insert into documents (id, person_id, title, document_date, category, type_code, folder_id, author_kind, author_name, media_type, byte_size,
                           is_hidden_from_professionals, storage, storage_key, master_key_id, wrapped_data_key)
    values (${id}, ${personId}, ${input.title}, ${input.documentDate ?? "2026-03-14"},
            ${category}, ${typeCode}, ${input.folderId ?? null}, ${authorKind},
            ${input.authorName ?? (authorKind === "patient" ? "Lucie Essai" : "Dr Anne Leroy")}, ${input.mediaType ?? "application/pdf"}, 24000,
            ${input.isHiddenFromProfessionals ?? false}, 'database', ${randomUUID()}, 'test', ${"\\x"}::bytea)`;
  return { id, title: input.title };
}

export async function createTestFolder(personId: string, name: string): Promise<{ id: string; name: string }> {
  const [folder] = await sql<{ id: string }[]>`insert into document_folders (person_id, name) values (${personId}, ${name}) returning id`;
  if (!folder) throw new Error("folder not created");
  return { id: folder.id, name };
}

export async function documentRowOf(documentId: string) {
  const [row] = await sql<{ isHiddenFromProfessionals: boolean; folderId: string | null; title: string }[]>`
    select is_hidden_from_professionals as "isHiddenFromProfessionals", folder_id as "folderId", title from documents where id = ${documentId}`;
  return row;
}
