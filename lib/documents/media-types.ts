import { DOCUMENT_TYPES, isDocumentMediaType } from "./file-types";

/**
 * What the interface says about a document's type, and whether the browser can show it inline.
 * PDF, JPEG, PNG and plain text are previewed (reference mes-data-model §1.5); TIFF (which most
 * browsers cannot draw) and RTF are downloaded.
 */
const MEDIA_TYPE_LABELS: Record<string, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "Image JPEG",
  "image/png": "Image PNG",
  "image/tiff": "Image TIFF",
  "text/plain": "Texte",
  "application/rtf": "Texte enrichi (RTF)",
  "text/rtf": "Texte enrichi (RTF)",
};

export function mediaTypeLabel(mediaType: string): string {
  return MEDIA_TYPE_LABELS[mediaType] ?? "Autre format";
}

/** Whether the file route serves it inline, for the preview frame (lib/documents/file-types.ts decides). */
export function isPreviewable(mediaType: string): boolean {
  return isDocumentMediaType(mediaType) && DOCUMENT_TYPES[mediaType].isShownInline;
}

/** "245 Ko", "1,2 Mo": sizes as French interfaces write them (1 Ko = 1,000 bytes, as the 5 Mo limit). */
export function formatByteSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} octet${bytes > 1 ? "s" : ""}`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} Ko`;
  return `${(bytes / 1_000_000).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;
}
