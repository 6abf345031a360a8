import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/*
 * Reads back the text of a PDF drawn with an embedded Unicode font (DejaVu Sans, lib/pdf/fonts.ts),
 * which tests/support/pdf-text.ts cannot: its glyphs are subset and mapped through a ToUnicode
 * CMap, so only a real PDF reader (pdfjs-dist, Mozilla's) gets the words back. Each line of the
 * page becomes a line of the result, so a test can look for "Asthme" and for what it must not hold.
 */
export async function extractUnicodePdfText(pdf: Uint8Array): Promise<string> {
  // pdfjs takes ownership of the buffer it is given: a copy keeps the caller's bytes intact.
  const loading = getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false });
  const document = await loading.promise;
  try {
    const lines: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let line = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = "";
        }
      }
      if (line) lines.push(line);
    }
    return lines.join("\n");
  } finally {
    await loading.destroy();
  }
}
