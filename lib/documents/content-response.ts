import "server-only";
import { DOCUMENT_TYPES, type DocumentMediaType, extensionOf } from "@/lib/documents/file-types";
import { contentDisposition } from "@/lib/http/content-disposition";
import { buildDocumentContentPolicy } from "@/lib/http/security-headers";

/** The file routes' own answers when there is no document to send: the strictest policy (the proxy leaves it to the handler). */
const PLAIN = {
  "Content-Type": "text/plain; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": buildDocumentContentPolicy({ isSandboxed: true }),
};

/** The charset a text document is served with: UTF-8 when it decodes as such, else the Windows-1252 older French files use. */
function textCharset(bytes: Uint8Array): string {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

export type DocumentContentAnswer =
  | { status: "found"; title: string; mediaType: DocumentMediaType; bytes: Buffer }
  | { status: "not-found" }
  | { status: "refused" };

/**
 * A document's bytes as every file route sends them (the patient's and the professional's):
 * inline for the preview frame (PDF, images, text), as an attachment when downloading and for
 * every other type, with the same safe headers; a document not found, or whose bytes failed
 * authentication, is a plain 404.
 */
export function documentContentResponse(content: DocumentContentAnswer, { isDownload }: { isDownload: boolean }): Response {
  if (content.status === "not-found") return new Response("Document introuvable.", { status: 404, headers: PLAIN });
  if (content.status === "refused") {
    return new Response("Ce document ne peut pas être affiché : son contenu n'a pas pu être vérifié. Contactez le support de Mon espace santé.", {
      status: 404,
      headers: PLAIN,
    });
  }
  const type = DOCUMENT_TYPES[content.mediaType];
  const extension = extensionOf(content.mediaType);
  const fileName = content.title.toLowerCase().endsWith(`.${extension}`) ? content.title : `${content.title}.${extension}`;
  const isInline = !isDownload && type.isShownInline;
  const contentType = content.mediaType === "text/plain" ? `text/plain; charset=${textCharset(content.bytes)}` : content.mediaType;
  // The decrypted Buffer itself, not a copy of it.
  return new Response(content.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(content.bytes.byteLength),
      "Content-Disposition": contentDisposition(isInline ? "inline" : "attachment", fileName),
      // no-transform: the bytes leave as they were stored, not re-compressed on the way (Next's
      // gzip would cost more than the decryption on a 5 MB text, and PDF and images do not shrink).
      "Cache-Control": "no-store, no-transform",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": buildDocumentContentPolicy({ isSandboxed: content.mediaType !== "application/pdf" }),
      "X-Frame-Options": "SAMEORIGIN",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}

/** Whether a file route was asked for a download (`?telechargement=1`) rather than the inline preview. */
export function isDownloadRequest(request: Request): boolean {
  return new URL(request.url).searchParams.get("telechargement") === "1";
}
