import { describe, expect, it } from "vitest";
import * as files from "@/tests/support/document-files";
import { ACCEPTED_TYPES_LABEL, detectDocumentType } from "./file-types";

const accepted: [string, Buffer, string][] = [
  ["compte-rendu.pdf", files.pdfFile(), "application/pdf"],
  ["RADIO.PNG", files.pngFile(), "image/png"],
  ["photo.jpeg", files.jpegFile(), "image/jpeg"],
  ["photo.jpg", files.jpegFile(), "image/jpeg"],
  ["scan.tif", files.tiffFile(), "image/tiff"],
  ["ordonnance.rtf", files.rtfFile(), "application/rtf"],
  ["notes.txt", files.textFile(), "text/plain"],
  ["ancien.txt", files.latin1TextFile(), "text/plain"],
];

describe("the type of an uploaded file, read from its bytes", () => {
  it.each(accepted)("accepts %s as %s", async (name, bytes, mediaType) => {
    expect(await detectDocumentType(bytes, name)).toEqual({ status: "accepted", mediaType });
  });

  const notAccepted = `Ce type de fichier n'est pas accepté. Choisissez un fichier ${ACCEPTED_TYPES_LABEL}.`;
  const refused: [string, string, Buffer, string | RegExp][] = [
    ["a Linux program renamed", "radio.jpg", files.elfFile(), notAccepted],
    ["a Windows program renamed", "ordonnance.pdf", files.windowsExecutable(), notAccepted],
    ["a ZIP archive", "documents.pdf", files.zipFile(), notAccepted],
    ["an HTML page", "page.txt", files.htmlFile(), notAccepted],
    ["an SVG image", "dessin.txt", files.svgFile(), notAccepted],
    ["a text with a script", "note.txt", files.scriptInText(), notAccepted],
    ["a shell script", "note.txt", files.shellScript(), notAccepted],
    ["binary noise", "note.txt", Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00]), notAccepted],
    ["a PDF named .txt", "compte-rendu.txt", files.pdfFile(), "L'extension « .txt » du fichier ne correspond pas à son contenu (PDF). Renommez-le en « .pdf » ou choisissez un autre fichier."],
    ["a PNG named .jpg", "radio.jpg", files.pngFile(), /« \.jpg ».*\(PNG\).*« \.png »/],
    ["a PDF without extension", "compte-rendu", files.pdfFile(), /^Le nom du fichier, sans extension, ne correspond pas à son contenu \(PDF\)/],
    ["an empty file", "vide.pdf", Buffer.alloc(0), "Le fichier est vide. Choisissez un autre fichier."],
  ];
  it.each(refused)("refuses %s with a message that says why", async (_case, name, bytes, message) => {
    const result = await detectDocumentType(bytes, name);
    expect(result.status).toBe("refused");
    if (result.status !== "refused") return;
    if (typeof message === "string") expect(result.message).toBe(message);
    else expect(result.message).toMatch(message);
  });
});
