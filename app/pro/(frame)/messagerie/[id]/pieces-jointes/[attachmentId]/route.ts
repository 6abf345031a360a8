import { findProfessionalActor } from "@/lib/access/current-actor";
import { documentContentResponse, isDownloadRequest } from "@/lib/documents/content-response";
import { readProfessionalAttachment } from "@/lib/messaging/attachment-content";

/** An attachment of one of the professional's conversations, as Documents serves a file; anyone else's is a 404. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const actor = await findProfessionalActor();
  if (!actor) return documentContentResponse({ status: "not-found" }, { isDownload: false });
  const { id, attachmentId } = await params;
  const isDownload = isDownloadRequest(request);
  const content = await readProfessionalAttachment({ actor, conversationId: id, attachmentId, purpose: isDownload ? "download" : "open", now: new Date() });
  return documentContentResponse(content, { isDownload });
}
