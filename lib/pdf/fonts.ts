import "server-only";
import path from "node:path";
import { Font } from "@react-pdf/renderer";

/**
 * DejaVu Sans, shipped in assets/fonts (Bitstream Vera licence, kept beside the files), for the
 * PDFs that print what people typed: their names, treatments and notes may hold any Latin,
 * Greek or Cyrillic letter, and symbols ("≥", "µg") that Helvetica's WinAnsi encoding lacks. The
 * service's own letters keep Helvetica (lib/pdf/letter.tsx): their text is ours.
 */
export const USER_TEXT_FONT = "DejaVu Sans";

const fontFolder = path.join(process.cwd(), "assets", "fonts", "dejavu");

Font.register({
  family: USER_TEXT_FONT,
  fonts: [
    { src: path.join(fontFolder, "DejaVuSans.ttf"), fontWeight: "normal" },
    { src: path.join(fontFolder, "DejaVuSans-Bold.ttf"), fontWeight: "bold" },
  ],
});
