import { getDb } from "@/db/client";
import { ADD_DOCUMENT_PATH, addedDocumentPath } from "@/lib/documents/paths";
import { addUploadedDocument } from "@/lib/documents/upload";
import { handleUpload } from "@/lib/documents/upload-request";

/**
 * "Ajouter un document": the form's multipart post, read by the one upload path
 * (lib/documents/upload-request.ts); the file's type comes from its bytes, the fields are
 * validated, then the document, its bytes and its event are stored together (lib/documents).
 */
export async function POST(request: Request) {
  return handleUpload(request, {
    formPath: ADD_DOCUMENT_PATH,
    store: async (actor, form, now) => {
      const result = await addUploadedDocument(getDb(), { actor, form, now });
      if (result.status === "invalid") {
        return {
          status: "refused",
          httpStatus: 422,
          answer: { status: "error", message: "Le document n'a pas été ajouté : corrigez les erreurs signalées.", fieldErrors: result.fieldErrors, values: result.values },
        };
      }
      return { status: "added", location: addedDocumentPath(result.documentId) };
    },
  });
}
