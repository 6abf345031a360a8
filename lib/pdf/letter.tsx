import "server-only";
import { Document, Font, Link, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { MessageBlock, MessageContent } from "@/lib/delivery/message-blocks";
import { getSettings } from "@/lib/env";
import { formatLongDateFr } from "@/lib/format";

/*
 * The house style of the PDFs: A4, Helvetica (a standard PDF font whose WinAnsi encoding holds
 * every French accent, so no font file is embedded or downloaded).
 */

// react-pdf hyphenates with English patterns: wrong for French, and it breaks web addresses
// that a reader must type. Lines wrap between words only.
Font.registerHyphenationCallback((word) => [word]);

const BRAND = "#0b2e59";
const TEXT = "#1e293b";
const MUTED = "#475569";

export const pdfStyles = StyleSheet.create({
  page: {
    paddingTop: 40,
    paddingBottom: 64,
    paddingHorizontal: 56,
    fontFamily: "Helvetica",
    fontSize: 10.5,
    color: TEXT,
  },
  bold: { fontFamily: "Helvetica-Bold" },
  sender: { fontFamily: "Helvetica-Bold", fontSize: 14, color: BRAND },
  senderDetail: { fontSize: 9, color: MUTED },
  title: { fontFamily: "Helvetica-Bold", fontSize: 16, color: BRAND, marginBottom: 16 },
  // Line height on text blocks only: inherited by a `render` text (page number), it hides it.
  paragraph: { marginBottom: 8, lineHeight: 1.4 },
  codeBox: {
    marginVertical: 8,
    marginBottom: 14,
    paddingVertical: 8,
    paddingHorizontal: 14,
    borderWidth: 1.5,
    borderColor: BRAND,
    borderRadius: 4,
    alignSelf: "flex-start",
  },
  codeLabel: { fontSize: 10, color: MUTED },
  code: { fontFamily: "Courier-Bold", fontSize: 18, letterSpacing: 2, color: BRAND },
  listItem: { marginBottom: 4, paddingLeft: 12, lineHeight: 1.4 },
  link: { color: BRAND },
  signature: { marginTop: 14, lineHeight: 1.4 },
  footer: {
    position: "absolute",
    bottom: 32,
    left: 56,
    right: 56,
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: 8,
    color: MUTED,
    borderTopWidth: 0.5,
    borderTopColor: MUTED,
    paddingTop: 6,
  },
});

/**
 * "Page 1/1", computed by react-pdf once the pages are laid out (only for `fixed` elements).
 * Laid out empty first: it must not shrink beside a long text.
 */
export function PageNumber() {
  return (
    <Text fixed style={{ flexShrink: 0 }} render={({ pageNumber, totalPages }) => `Page ${pageNumber}/${totalPages}`} />
  );
}

export function PageFooter({ hasPageNumber = true }: { hasPageNumber?: boolean }) {
  return (
    <View style={pdfStyles.footer} fixed>
      <Text>Mon espace santé – {new URL(getSettings().APP_ORIGIN).host}</Text>
      {hasPageNumber ? <PageNumber /> : null}
    </View>
  );
}

export function Blocks({ blocks }: { blocks: MessageBlock[] }) {
  return (
    <>
      {blocks.map((block, index) => {
        switch (block.kind) {
          case "paragraph":
            return (
              <Text key={index} style={pdfStyles.paragraph}>
                {block.text}
              </Text>
            );
          case "code":
            return (
              <View key={index} style={pdfStyles.codeBox} wrap={false}>
                <Text style={pdfStyles.codeLabel}>{block.label}</Text>
                <Text style={pdfStyles.code}>{block.code}</Text>
              </View>
            );
          case "list":
            return (
              <View key={index} style={pdfStyles.paragraph}>
                {block.items.map((item) => (
                  <Text key={item} style={pdfStyles.listItem}>
                    • {item}
                  </Text>
                ))}
              </View>
            );
          case "link":
            return (
              <Text key={index} style={pdfStyles.paragraph}>
                {block.label} : <Link src={block.href} style={pdfStyles.link}>{block.href}</Link>
              </Text>
            );
          case "signature":
            return (
              <Text key={index} style={pdfStyles.signature}>
                {block.lines.join("\n")}
              </Text>
            );
        }
      })}
    </>
  );
}

const letterStyles = StyleSheet.create({
  header: { marginBottom: 28 },
  // Where a French window envelope (DL, window on the right) shows the address.
  address: { marginLeft: 240, minHeight: 80, marginBottom: 24 },
  date: { textAlign: "right", marginBottom: 16 },
  subject: { fontFamily: "Helvetica-Bold", marginBottom: 14 },
});

export type LetterInput = {
  fullName: string;
  /** The register's postal address, one line per line. */
  postalAddress: string;
  content: MessageContent;
  /** The day the letter is issued. */
  issuedAt: Date;
};

/** A postal letter: sender, address block for a window envelope, date, subject and the message. */
export async function renderLetter({ fullName, postalAddress, content, issuedAt }: LetterInput): Promise<Buffer> {
  const addressLines = postalAddress
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return renderToBuffer(
    <Document title={content.subject} author="Mon espace santé" subject={content.subject} language="fr">
      <Page size="A4" style={pdfStyles.page}>
        <View style={letterStyles.header}>
          <Text style={pdfStyles.sender}>Mon espace santé</Text>
          <Text style={pdfStyles.senderDetail}>Assurance Maladie – Ministère de la Santé</Text>
        </View>
        <View style={letterStyles.address}>
          <Text style={pdfStyles.bold}>{fullName}</Text>
          {addressLines.map((line, index) => (
            <Text key={index}>{line}</Text>
          ))}
        </View>
        <Text style={letterStyles.date}>Le {formatLongDateFr(issuedAt)}</Text>
        <Text style={letterStyles.subject}>Objet : {content.subject}</Text>
        <Blocks blocks={content.blocks} />
        <PageFooter />
      </Page>
    </Document>,
  );
}
