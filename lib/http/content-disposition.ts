/**
 * A Content-Disposition header naming a file (RFC 6266): an ASCII fallback in `filename` for old
 * clients, and the real name in `filename*` (RFC 8187, UTF-8, percent-encoded). Nothing of the
 * name reaches the header raw: quotes, backslashes, control characters and line breaks are
 * replaced or encoded, so a title cannot inject a header or a parameter.
 */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const cleaned = fileName.replace(/[\u0000-\u001f\u007f/\\]/g, " ").trim() || "document";
  const ascii = cleaned
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["%;]/g, "_");
  const encoded = encodeURIComponent(cleaned).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
