import { documentFilePath } from "@/lib/documents/paths";

/**
 * A document's file shown in the page. Images and text are framed in an opaque origin with
 * nothing allowed; a PDF cannot be (browsers refuse to run their PDF viewer in a sandbox), and its
 * own policy (lib/http/security-headers.ts buildDocumentContentPolicy) keeps it from reaching
 * anything. Only for types the file route serves inline (lib/documents/media-types isPreviewable).
 */
export function DocumentPreview({ document, className }: { document: { id: string; title: string; mediaType: string }; className: string }) {
  return (
    <iframe
      src={documentFilePath(document.id)}
      title={`Aperçu du document « ${document.title} »`}
      sandbox={document.mediaType === "application/pdf" ? undefined : ""}
      className={className}
    />
  );
}
