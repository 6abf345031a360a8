import "server-only";
import path from "node:path";
import { Font, StyleSheet } from "@react-pdf/renderer";

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

/** The page and footer the PDFs of people's own words share (the synthesis, the advance directives). */
export const userTextStyles = StyleSheet.create({
  page: { paddingTop: 40, paddingBottom: 64, paddingHorizontal: 48, fontFamily: USER_TEXT_FONT, fontSize: 10, color: "#1e293b" },
  footer: {
    position: "absolute",
    bottom: 30,
    left: 48,
    right: 48,
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: 8,
    color: "#475569",
    borderTopWidth: 0.5,
    borderTopColor: "#475569",
    paddingTop: 6,
  },
});
