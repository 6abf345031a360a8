import { getDb } from "@/db/client";
import { findActor } from "@/lib/access/current-actor";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/file-types";
import { ADD_DOCUMENT_PATH, addedDocumentPath } from "@/lib/documents/paths";
import {
  FILE_TOO_LARGE_MESSAGE,
  MULTIPART_OVERHEAD_BYTES,
  UPLOAD_FIELDS,
  addUploadedDocument,
  readUploadForm,
} from "@/lib/documents/upload";
import { getSettings } from "@/lib/env";
import type { FieldErrors } from "@/lib/form-state";

const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/** What the page's script reads (it asks with Accept: application/json); without script the browser follows redirects. */
type UploadAnswer =
  | { status: "added"; location: string }
  | { status: "error"; message: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

function answer(request: Request, status: number, body: UploadAnswer): Response {
  if ((request.headers.get("accept") ?? "").includes("application/json")) {
    return Response.json(body, { status, headers: NO_STORE });
  }
  // The JavaScript-less form: back to the page, which says what happened (see its searchParams).
  const location = body.status === "added" ? body.location : `${ADD_DOCUMENT_PATH}?erreur=${status === 413 ? "taille" : "1"}`;
  return new Response(null, { status: 303, headers: { ...NO_STORE, Location: location } });
}

/**
 * A browser's cross-site post carries the other site's Origin (or Sec-Fetch-Site): route handlers
 * do not get server actions' check, so this one makes its own, stricter than the proxy's: an
 * upload comes from our page, so a post without an Origin is refused too.
 */
function isSameOrigin(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  if (origin === new URL(getSettings().APP_ORIGIN).origin) return true;
  // `next dev` answers on whatever host it was reached by, as the proxy allows.
  return process.env.NODE_ENV === "development" && origin === new URL(request.url).origin;
}

/**
 * "Ajouter un document": the form's multipart post. The session is checked here, not only by the
 * proxy; the body is read as a stream and cut off past the size limit; the file's type comes
 * from its bytes; the fields are validated; then the document, its bytes and its event are
 * stored together (lib/documents).
 */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) {
    return answer(request, 403, { status: "error", message: "Cette demande ne vient pas de Mon espace santé : elle a été refusée." });
  }
  const actor = await findActor();
  if (!actor) return answer(request, 401, { status: "error", message: "Votre session a expiré. Reconnectez-vous pour ajouter un document." });
  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  const tooLarge: UploadAnswer = { status: "error", message: FILE_TOO_LARGE_MESSAGE, fieldErrors: { [UPLOAD_FIELDS.file]: [FILE_TOO_LARGE_MESSAGE] } };
  // Refused before a byte is read when the body says it is too large.
  if (declaredLength > MAX_DOCUMENT_BYTES + MULTIPART_OVERHEAD_BYTES) return answer(request, 413, tooLarge);
  const reading = await readUploadForm(request.body, request.headers.get("content-type"));
  if (reading.status === "too-large") return answer(request, 413, tooLarge);
  if (reading.status === "malformed") {
    return answer(request, 400, { status: "error", message: "Le formulaire envoyé est incomplet. Réessayez." });
  }
  const result = await addUploadedDocument(getDb(), { actor, form: reading.form, now: new Date() });
  if (result.status === "invalid") {
    return answer(request, 422, {
      status: "error",
      message: "Le document n'a pas été ajouté : corrigez les erreurs signalées.",
      fieldErrors: result.fieldErrors,
      values: result.values,
    });
  }
  return answer(request, 200, { status: "added", location: addedDocumentPath(result.documentId) });
}
