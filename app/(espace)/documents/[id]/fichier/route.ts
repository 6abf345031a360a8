import { getDb } from "@/db/client";
import { findActor } from "@/lib/access/current-actor";
import { readDocumentContent } from "@/lib/documents/content";
import { documentContentResponse, isDownloadRequest } from "@/lib/documents/content-response";

/**
 * A document's bytes: inline for the preview frame (PDF, images, text), as an attachment with
 * `?telechargement=1` and for every other type. Only the actor's subject's documents are found
 * (anyone else's is a 404 like a missing one); bytes that fail authentication are never sent.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await findActor();
  if (!actor) return documentContentResponse({ status: "not-found" }, { isDownload: false });
  const { id } = await params;
  const isDownload = isDownloadRequest(request);
  const content = await readDocumentContent(getDb(), { actor, documentId: id, purpose: isDownload ? "download" : "open", now: new Date() });
  return documentContentResponse(content, { isDownload });
}
