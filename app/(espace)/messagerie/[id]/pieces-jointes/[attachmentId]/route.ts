import { findActor } from "@/lib/access/current-actor";
import { documentContentResponse, isDownloadRequest } from "@/lib/documents/content-response";
import { readPatientAttachment } from "@/lib/messaging/attachment-content";

/**
 * An attachment of the patient's mailbox, previewed or downloaded (`?telechargement=1`) exactly as
 * a document is; only the subject's conversations are searched, anything else is a 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const actor = await findActor();
  if (!actor) return documentContentResponse({ status: "not-found" }, { isDownload: false });
  const { id, attachmentId } = await params;
  const isDownload = isDownloadRequest(request);
  const content = await readPatientAttachment({ actor, conversationId: id, attachmentId, purpose: isDownload ? "download" : "open", now: new Date() });
  return documentContentResponse(content, { isDownload });
}
