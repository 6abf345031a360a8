/**
 * Small files of every kind the upload meets, built in code: real signatures (what file-type
 * reads) with a known sentence inside, so tests can look for the plaintext in every store.
 */
export const KNOWN_SENTENCE = "Compte rendu de consultation du docteur Anne Lefèvre : tension normale.";

const ascii = (text: string) => Buffer.from(text, "latin1");

export function pdfFile(sentence = KNOWN_SENTENCE): Buffer {
  return Buffer.concat([
    ascii("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"),
    Buffer.from(`% ${sentence}\n`, "utf8"),
    ascii("trailer\n<< /Root 1 0 R >>\n%%EOF\n"),
  ]);
}

export function pngFile(): Buffer {
  return Buffer.from(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5f6" + "4bb20000000049454e44ae426082",
    "hex",
  );
}

export function jpegFile(): Buffer {
  return Buffer.concat([Buffer.from("ffd8ffe000104a46494600010100000100010000", "hex"), Buffer.alloc(64, 0x11), Buffer.from("ffd9", "hex")]);
}

export function tiffFile(): Buffer {
  // Little-endian TIFF header, one IFD with no entries.
  return Buffer.concat([Buffer.from("49492a0008000000", "hex"), Buffer.from("0000", "hex"), Buffer.alloc(32)]);
}

export function rtfFile(): Buffer {
  return ascii("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Ordonnance du 3 mars.}");
}

export function textFile(sentence = KNOWN_SENTENCE): Buffer {
  return Buffer.from(`${sentence}\nÀ revoir dans six mois.\n`, "utf8");
}

export function latin1TextFile(): Buffer {
  return ascii("Résultats d'analyse : hémoglobine 14 g/dl, à contrôler.\r\n");
}

export function elfFile(): Buffer {
  return Buffer.concat([Buffer.from("7f454c46020101000000000000000000", "hex"), Buffer.alloc(64, 0)]);
}

export function windowsExecutable(): Buffer {
  const file = Buffer.alloc(256, 0);
  file.write("MZ", 0, "latin1");
  file.writeUInt32LE(0x80, 0x3c);
  file.write("PE\0\0", 0x80, "latin1");
  return file;
}

export function zipFile(): Buffer {
  return Buffer.concat([Buffer.from("504b0304140000000800", "hex"), Buffer.alloc(40, 0x20), ascii("document.pdf")]);
}

export const htmlFile = () => Buffer.from("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>", "utf8");
export const svgFile = () =>
  Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="5"/></svg>', "utf8");
export const scriptInText = () => Buffer.from("Bonjour\n<script>fetch('/compte')</script>\n", "utf8");
export const shellScript = () => Buffer.from("#!/bin/sh\nrm -rf ~\n", "utf8");
