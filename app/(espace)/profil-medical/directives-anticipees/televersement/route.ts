import { MINOR_REFUSAL, saveUploadedDirectives } from "@/lib/advance-directives/records";
import { ADVANCE_DIRECTIVES_PATH } from "@/lib/advance-directives/paths";
import { addedDocumentPath } from "@/lib/documents/paths";
import { handleUpload } from "@/lib/documents/upload-request";

/**
 * "Déposer mes directives anticipées": the file comes in by the documents' one upload path
 * (lib/documents/upload-request.ts) and becomes the one "Directives anticipées" document
 * (lib/advance-directives/records.ts), refused for a minor.
 */
export async function POST(request: Request) {
  return handleUpload(request, {
    formPath: ADVANCE_DIRECTIVES_PATH,
    store: async (actor, form, now) => {
      const result = await saveUploadedDirectives({ actor, form, now });
      switch (result.status) {
        case "minor":
          return { status: "refused", httpStatus: 403, answer: { status: "error", message: MINOR_REFUSAL } };
        case "invalid":
          return {
            status: "refused",
            httpStatus: 422,
            answer: { status: "error", message: "Vos directives anticipées n'ont pas été déposées : corrigez les erreurs signalées.", fieldErrors: result.fieldErrors },
          };
        case "saved":
          return { status: "added", location: addedDocumentPath(result.documentId) };
      }
    },
  });
}
