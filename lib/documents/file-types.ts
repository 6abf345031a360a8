import "server-only";
import { isUtf8 as isUtf8Buffer } from "node:buffer";
import { fileTypeFromBuffer } from "file-type";

/** 5 Mo per file (SPEC §6, reference mes-data-model §1.2). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** How the limit is written in the interface's messages. */
export const MAX_DOCUMENT_SIZE_LABEL = `${MAX_DOCUMENT_BYTES / (1024 * 1024)} Mo`;

/**
 * The accepted types, by the media type we store, with the extensions a file name may carry for
 * it and whether the browser may show it in the preview frame. RTF and TIFF are downloaded:
 * browsers either cannot show them or would hand them to a plug-in.
 */
export const DOCUMENT_TYPES = {
  "application/pdf": { label: "PDF", extensions: ["pdf"], isShownInline: true },
  "image/jpeg": { label: "JPEG", extensions: ["jpg", "jpeg"], isShownInline: true },
  "image/png": { label: "PNG", extensions: ["png"], isShownInline: true },
  "image/tiff": { label: "TIFF", extensions: ["tif", "tiff"], isShownInline: false },
  "text/plain": { label: "TXT", extensions: ["txt"], isShownInline: true },
  "application/rtf": { label: "RTF", extensions: ["rtf"], isShownInline: false },
} as const;

export type DocumentMediaType = keyof typeof DOCUMENT_TYPES;

export function isDocumentMediaType(value: string): value is DocumentMediaType {
  return Object.hasOwn(DOCUMENT_TYPES, value);
}

/** "PDF, JPEG, PNG, TIFF, TXT ou RTF", from the list. */
export const ACCEPTED_TYPES_LABEL = (() => {
  const labels = Object.values(DOCUMENT_TYPES).map((type) => type.label);
  return `${labels.slice(0, -1).join(", ")} ou ${labels.at(-1)}`;
})();

/** What the file input may offer to pick (a convenience only: the bytes decide). */
export const ACCEPT_ATTRIBUTE = Object.entries(DOCUMENT_TYPES)
  .flatMap(([mediaType, type]) => [mediaType, ...type.extensions.map((extension) => `.${extension}`)])
  .join(",");

/** The extension a downloaded copy is named with. */
export function extensionOf(mediaType: DocumentMediaType): string {
  return DOCUMENT_TYPES[mediaType].extensions[0];
}

export type DetectedDocumentType = { status: "accepted"; mediaType: DocumentMediaType } | { status: "refused"; message: string };

const NOT_ACCEPTED = `Ce type de fichier n'est pas accepté. Choisissez un fichier ${ACCEPTED_TYPES_LABEL}.`;

/**
 * Markup a browser or a shell would run rather than show: a "text" file holding it is refused,
 * even though it is served as text/plain with nosniff and a sandbox (defence in depth, and such
 * a file is no health document). Tested on the few bytes after each "<", not on the whole file.
 */
const ACTIVE_MARKUP = /^<\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed|math|xml|\?xml|meta|link|style|form|img)\b/i;
const SHEBANG = /^\s*#!/;
const LONGEST_TAG_START = 24;

/** Bytes 0x81, 0x8d, 0x8f, 0x90 and 0x9d have no character in Windows-1252: binary, not text. */
const UNDEFINED_IN_WINDOWS_1252 = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

/** A control character no text document holds (tab, line feed, form feed and carriage return are fine). */
function isControlByte(byte: number): boolean {
  return (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f;
}

const CONTROL = 1;
const UNDEFINED = 2;
/** What each byte value is, so the scan over a 5 MB file is one table lookup per byte. */
const BYTE_CLASSES = Uint8Array.from({ length: 256 }, (_, byte) => (isControlByte(byte) ? CONTROL : 0) | (UNDEFINED_IN_WINDOWS_1252.includes(byte) ? UNDEFINED : 0));

/**
 * Whether the bytes read as plain text: UTF-8 (with or without a byte-order mark), or else
 * Latin-1 / Windows-1252 as older French files are, with no NUL or other control character
 * (which binary files are full of) and no active markup. One pass over the bytes, no decoding of
 * the whole file: a 5 MB text costs milliseconds.
 */
export function isPlainText(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const refused = isUtf8Buffer(buffer) ? CONTROL : CONTROL | UNDEFINED;
  for (let index = 0; index < buffer.byteLength; index += 1) {
    if (BYTE_CLASSES[buffer[index]!]! & refused) return false;
  }
  if (SHEBANG.test(buffer.subarray(0, 64).toString("latin1"))) return false;
  for (let at = buffer.indexOf(0x3c); at !== -1; at = buffer.indexOf(0x3c, at + 1)) {
    if (ACTIVE_MARKUP.test(buffer.subarray(at, at + LONGEST_TAG_START).toString("latin1"))) return false;
  }
  return true;
}

/** The extension of a file name, lower-case, without the dot; "" when it has none. */
export function fileNameExtension(fileName: string): string {
  const base = fileName.split(/[\\/]/).at(-1) ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/**
 * The type of an uploaded file, read from its bytes (file-type recognises the binary formats by
 * their signatures; text has none, so it gets a check of our own), then compared with the
 * extension of its name: a PDF called "compte-rendu.txt" or a program called "radio.jpg" is
 * refused, each with a message that says why.
 */
export async function detectDocumentType(bytes: Uint8Array, fileName: string): Promise<DetectedDocumentType> {
  if (bytes.byteLength === 0) return { status: "refused", message: "Le fichier est vide. Choisissez un autre fichier." };
  const detected = await fileTypeFromBuffer(bytes);
  let mediaType: DocumentMediaType;
  if (detected) {
    if (!isDocumentMediaType(detected.mime)) return { status: "refused", message: NOT_ACCEPTED };
    mediaType = detected.mime;
  } else if (isPlainText(bytes)) {
    mediaType = "text/plain";
  } else {
    return { status: "refused", message: NOT_ACCEPTED };
  }
  const extension = fileNameExtension(fileName);
  const expected = DOCUMENT_TYPES[mediaType];
  if (!(expected.extensions as readonly string[]).includes(extension)) {
    const named = extension ? `L'extension « .${extension} » du fichier` : "Le nom du fichier, sans extension,";
    return {
      status: "refused",
      message: `${named} ne correspond pas à son contenu (${expected.label}). Renommez-le en « .${expected.extensions[0]} » ou choisissez un autre fichier.`,
    };
  }
  return { status: "accepted", mediaType };
}
