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

const PREVIEWABLE_MEDIA_TYPES = new Set(["application/pdf", "image/jpeg", "image/png", "text/plain"]);

export function mediaTypeLabel(mediaType: string): string {
  return MEDIA_TYPE_LABELS[mediaType] ?? "Autre format";
}

export function isPreviewable(mediaType: string): boolean {
  return PREVIEWABLE_MEDIA_TYPES.has(mediaType);
}

/** "245 Ko", "1,2 Mo": sizes as French interfaces write them (1 Ko = 1,000 bytes, as the 5 Mo limit). */
export function formatByteSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} octet${bytes > 1 ? "s" : ""}`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} Ko`;
  return `${(bytes / 1_000_000).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;
}
