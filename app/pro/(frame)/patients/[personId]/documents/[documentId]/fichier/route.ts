import { findProfessionalActor } from "@/lib/access/current-actor";
import { documentContentResponse, isDownloadRequest } from "@/lib/documents/content-response";
import { readPatientDocumentContent } from "@/lib/professional-access/reading";

/**
 * A patient's document for the professional: the bytes readPatientDocumentContent lets this
 * professional read (every rule in lib/professional-access), with the patient's file route's
 * headers; anything else, and anyone but a professional, is a 404 like a missing document.
 */
export async function GET(request: Request, { params }: { params: Promise<{ personId: string; documentId: string }> }) {
  const actor = await findProfessionalActor();
  if (!actor) return documentContentResponse({ status: "not-found" }, { isDownload: false });
  const { personId, documentId } = await params;
  const isDownload = isDownloadRequest(request);
  const content = await readPatientDocumentContent({ actor, personId, documentId, purpose: isDownload ? "download" : "open", now: new Date() });
  return documentContentResponse(content, { isDownload });
}
