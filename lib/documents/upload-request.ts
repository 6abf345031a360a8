import "server-only";
import type { Actor } from "@/lib/access/actor";
import { findActor } from "@/lib/access/current-actor";
import { getSettings } from "@/lib/env";
import type { FieldErrors } from "@/lib/form-state";
import { DOCUMENT_UPLOAD_LIMITS, FILE_TOO_LARGE_MESSAGE, MULTIPART_OVERHEAD_BYTES, type UploadForm, type UploadLimits, readUploadForm } from "./upload";

const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/** What the upload form's script reads (it asks with Accept: application/json); without script the browser follows redirects. */
export type UploadAnswer =
  | { status: "added"; location: string }
  | { status: "error"; message: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

/** What storing a read form came to: where to go next, or why not (the HTTP status and the answer). */
export type UploadOutcome = { status: "added"; location: string } | { status: "refused"; httpStatus: number; answer: Extract<UploadAnswer, { status: "error" }> };

type UploadEndpoint<A = Actor> = {
  /** The page of the form, where the JavaScript-less post comes back with `?erreur=`. */
  formPath: string;
  /** Stores what was read for the actor's subject; every rule of the upload's kind lives there. */
  store: (actor: A, form: UploadForm, now: Date) => Promise<UploadOutcome>;
  /** Unset: a document's (one file under « fichier », 5 Mo). */
  limits?: UploadLimits;
  /** Unset: the document's message. */
  tooLargeMessage?: string;
};

function answer(request: Request, formPath: string, status: number, body: UploadAnswer): Response {
  if ((request.headers.get("accept") ?? "").includes("application/json")) {
    return Response.json(body, { status, headers: NO_STORE });
  }
  // The JavaScript-less form: back to the page, which says what happened (see its searchParams).
  const location = body.status === "added" ? body.location : `${formPath}?erreur=${status === 413 ? "taille" : "1"}`;
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
 * The one way a file comes in: a multipart post to a route handler. The origin and the session
 * are checked here, not only by the proxy; the body is read as a stream and cut off past the
 * size limit (lib/documents/upload.ts); then the endpoint's `store` validates and stores. Its
 * path must be in STREAMED_UPLOAD_PATHS (lib/http/request-filter.ts).
 */
export function handleUpload(request: Request, endpoint: UploadEndpoint): Promise<Response> {
  return handleUploadBy(request, findActor, endpoint);
}

/**
 * handleUpload for another kind of actor (a professional on /pro: findProfessionalActor): the
 * same origin check, streaming limit and answers, the session read by `findUploader`.
 */
export async function handleUploadBy<A>(
  request: Request,
  findUploader: () => Promise<A | null>,
  { formPath, store, limits = DOCUMENT_UPLOAD_LIMITS, tooLargeMessage = FILE_TOO_LARGE_MESSAGE }: UploadEndpoint<A>,
): Promise<Response> {
  if (!isSameOrigin(request)) {
    return answer(request, formPath, 403, { status: "error", message: "Cette demande ne vient pas de Mon espace santé : elle a été refusée." });
  }
  const actor = await findUploader();
  if (!actor) return answer(request, formPath, 401, { status: "error", message: "Votre session a expiré. Reconnectez-vous pour envoyer un document." });
  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  const tooLarge: UploadAnswer = { status: "error", message: tooLargeMessage, fieldErrors: { [limits.fileField]: [tooLargeMessage] } };
  // Refused before a byte is read when the body says it is too large.
  if (declaredLength > limits.maxTotalBytes + MULTIPART_OVERHEAD_BYTES) return answer(request, formPath, 413, tooLarge);
  const reading = await readUploadForm(request.body, request.headers.get("content-type"), limits);
  if (reading.status === "too-large") return answer(request, formPath, 413, tooLarge);
  if (reading.status === "malformed") {
    return answer(request, formPath, 400, { status: "error", message: "Le formulaire envoyé est incomplet. Réessayez." });
  }
  const outcome = await store(actor, reading.form, new Date());
  if (outcome.status === "refused") return answer(request, formPath, outcome.httpStatus, outcome.answer);
  return answer(request, formPath, 200, { status: "added", location: outcome.location });
}
