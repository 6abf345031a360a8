import { inflateSync } from "node:zlib";

/*
 * Reads back what a PDF shows, for tests: inflates each stream, keeps the text operators
 * (Tj, TJ, ', ") between BT and ET, and decodes their strings as WinAnsi. Good enough for
 * the PDFs this app renders with the standard Helvetica and Courier fonts; not a general reader.
 */

/*
 * WinAnsiEncoding: Latin-1, except 0x80–0x9F which hold typographic characters. Node's
 * TextDecoder("windows-1252") decodes that range as control characters, hence this table.
 */
const WIN_ANSI_HIGH: Record<number, string> = {
  0x80: "€", 0x82: "‚", 0x83: "ƒ", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡", 0x88: "ˆ", 0x89: "‰",
  0x8a: "Š", 0x8b: "‹", 0x8c: "Œ", 0x8e: "Ž", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•",
  0x96: "–", 0x97: "—", 0x98: "˜", 0x99: "™", 0x9a: "š", 0x9b: "›", 0x9c: "œ", 0x9e: "ž", 0x9f: "Ÿ",
};

function decodeWinAnsi(bytes: number[]): string {
  return bytes.map((byte) => WIN_ANSI_HIGH[byte] ?? String.fromCharCode(byte)).join("");
}

/** A TJ adjustment wider than this (thousandths of an em, negative = move right) reads as a space. */
const SPACE_ADJUSTMENT = -250;

function decodedStreams(pdf: Buffer): Buffer[] {
  const streams: Buffer[] = [];
  let position = 0;
  for (;;) {
    const start = pdf.indexOf("stream", position, "latin1");
    if (start === -1) break;
    // "endstream" also contains "stream": only a keyword followed by an end of line opens one.
    let dataStart = start + "stream".length;
    if (pdf[dataStart] === 0x0d) dataStart += 1;
    if (pdf[dataStart] !== 0x0a || pdf.subarray(start - 3, start).toString("latin1") === "end") {
      position = start + 1;
      continue;
    }
    dataStart += 1;
    const end = pdf.indexOf("endstream", dataStart, "latin1");
    if (end === -1) break;
    const raw = pdf.subarray(dataStart, end);
    try {
      streams.push(inflateSync(raw));
    } catch {
      streams.push(raw);
    }
    position = end + "endstream".length;
  }
  return streams;
}

type Token = { kind: "string"; bytes: number[] } | { kind: "number"; value: number } | { kind: "word"; value: string } | { kind: "open" } | { kind: "close" };

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;
}

const DELIMITERS = new Set("()<>[]{}/%".split("").map((character) => character.charCodeAt(0)));

function readLiteralString(content: Buffer, start: number): { bytes: number[]; next: number } {
  const bytes: number[] = [];
  let depth = 1;
  let index = start + 1;
  while (index < content.length && depth > 0) {
    const byte = content[index] as number;
    if (byte === 0x5c) {
      const escaped = content[index + 1] as number;
      const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c };
      if (escaped in simple) {
        bytes.push(simple[escaped] as number);
        index += 2;
      } else if (escaped >= 0x30 && escaped <= 0x37) {
        let octal = "";
        let cursor = index + 1;
        while (octal.length < 3 && (content[cursor] as number) >= 0x30 && (content[cursor] as number) <= 0x37) {
          octal += String.fromCharCode(content[cursor] as number);
          cursor += 1;
        }
        bytes.push(parseInt(octal, 8) & 0xff);
        index = cursor;
      } else if (escaped === 0x0a || escaped === 0x0d) {
        index += escaped === 0x0d && content[index + 2] === 0x0a ? 3 : 2;
      } else {
        bytes.push(escaped);
        index += 2;
      }
      continue;
    }
    if (byte === 0x28) depth += 1;
    if (byte === 0x29) depth -= 1;
    if (depth > 0) bytes.push(byte);
    index += 1;
  }
  return { bytes, next: index };
}

function readHexString(content: Buffer, start: number): { bytes: number[]; next: number } {
  const end = content.indexOf(">", start, "latin1");
  let hex = content.subarray(start + 1, end).toString("latin1").replace(/\s+/g, "");
  if (hex.length % 2 === 1) hex += "0";
  const bytes: number[] = [];
  for (let index = 0; index < hex.length; index += 2) bytes.push(parseInt(hex.slice(index, index + 2), 16));
  return { bytes, next: end + 1 };
}

function tokenize(content: Buffer): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < content.length) {
    const byte = content[index] as number;
    if (isWhitespace(byte)) {
      index += 1;
    } else if (byte === 0x25) {
      while (index < content.length && content[index] !== 0x0a && content[index] !== 0x0d) index += 1;
    } else if (byte === 0x28) {
      const { bytes, next } = readLiteralString(content, index);
      tokens.push({ kind: "string", bytes });
      index = next;
    } else if (byte === 0x3c && content[index + 1] !== 0x3c) {
      const { bytes, next } = readHexString(content, index);
      tokens.push({ kind: "string", bytes });
      index = next;
    } else if (byte === 0x5b) {
      tokens.push({ kind: "open" });
      index += 1;
    } else if (byte === 0x5d) {
      tokens.push({ kind: "close" });
      index += 1;
    } else {
      let end = index + 1;
      while (end < content.length && !isWhitespace(content[end] as number) && !DELIMITERS.has(content[end] as number)) end += 1;
      const word = content.subarray(index, end).toString("latin1");
      const value = Number(word);
      tokens.push(/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) && Number.isFinite(value) ? { kind: "number", value } : { kind: "word", value: word });
      index = end;
    }
  }
  return tokens;
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n, in the PDF convention (row vectors): apply m, then n. */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

type Fragment = { x: number; y: number; fontSize: number; text: string };

/** Wider than any Helvetica glyph but W and M: an estimated end never falls short of the real one. */
const MAX_GLYPH_WIDTH_EM = 0.75;

function numbersOf(operands: Token[]): number[] {
  return operands.flatMap((operand) => (operand.kind === "number" ? [operand.value] : []));
}

/** Every piece of text shown by one content stream, where it starts on the page. */
function fragmentsOf(tokens: Token[]): Fragment[] {
  const fragments: Fragment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let textMatrix: Matrix = IDENTITY;
  let lineMatrix: Matrix = IDENTITY;
  let fontSize = 12;
  let leading = 0;
  let current: Fragment | null = null;
  let operands: Token[] = [];

  const moveLine = (tx: number, ty: number) => {
    lineMatrix = multiply([1, 0, 0, 1, tx, ty], lineMatrix);
    textMatrix = lineMatrix;
    current = null;
  };
  const show = (text: string) => {
    if (!current) {
      const origin = multiply(textMatrix, ctm);
      current = { x: origin[4], y: origin[5], fontSize: fontSize * Math.hypot(origin[2], origin[3]), text: "" };
      fragments.push(current);
    }
    current.text += text;
  };

  for (const token of tokens) {
    if (token.kind !== "word") {
      operands.push(token);
      continue;
    }
    const numbers = numbersOf(operands);
    const lastString = operands.findLast((operand) => operand.kind === "string");
    switch (token.value) {
      case "q":
        stack.push(ctm);
        break;
      case "Q":
        ctm = stack.pop() ?? IDENTITY;
        break;
      case "cm":
        if (numbers.length === 6) ctm = multiply(numbers as Matrix, ctm);
        break;
      case "BT":
        textMatrix = IDENTITY;
        lineMatrix = IDENTITY;
        current = null;
        break;
      case "Tm":
        if (numbers.length === 6) {
          lineMatrix = numbers as Matrix;
          textMatrix = lineMatrix;
          current = null;
        }
        break;
      case "Tf":
        fontSize = numbers.at(-1) ?? fontSize;
        break;
      case "TL":
        leading = numbers.at(-1) ?? leading;
        break;
      case "Td":
        moveLine(numbers[0] ?? 0, numbers[1] ?? 0);
        break;
      case "TD":
        leading = -(numbers[1] ?? 0);
        moveLine(numbers[0] ?? 0, numbers[1] ?? 0);
        break;
      case "T*":
        moveLine(0, -leading);
        break;
      case "Tj":
        if (lastString?.kind === "string") show(decodeWinAnsi(lastString.bytes));
        break;
      case "'":
      case '"':
        moveLine(0, -leading);
        if (lastString?.kind === "string") show(decodeWinAnsi(lastString.bytes));
        break;
      case "TJ":
        for (const operand of operands) {
          if (operand.kind === "string") show(decodeWinAnsi(operand.bytes));
          else if (operand.kind === "number" && operand.value < SPACE_ADJUSTMENT) show(" ");
        }
        break;
    }
    operands = [];
  }
  return fragments;
}

/** Groups fragments into lines (same baseline), top of the page first, left to right. */
function linesOf(fragments: Fragment[]): string[] {
  const sorted = [...fragments].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Fragment[][] = [];
  for (const fragment of sorted) {
    const line = lines.at(-1);
    const first = line?.[0];
    if (line && first && Math.abs(first.y - fragment.y) < 1) line.push(fragment);
    else lines.push([fragment]);
  }
  return lines
    .map((line) =>
      line
        .map((fragment, index) => {
          const previous = line[index - 1];
          if (!previous) return fragment.text;
          // Far from where the previous piece can have ended: another column, keep them apart.
          const estimatedEnd = previous.x + previous.text.length * previous.fontSize * MAX_GLYPH_WIDTH_EM;
          return fragment.x - estimatedEnd > previous.fontSize ? ` ${fragment.text}` : fragment.text;
        })
        .join("")
        .replace(/\s+$/, ""),
    )
    .filter((line) => line.trim() !== "");
}

/** The text a PDF shows, one line per text block, in the order of its content streams. */
export function extractPdfText(pdf: Uint8Array): string {
  const buffer = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  return decodedStreams(buffer)
    .filter((stream) => /\bBT\b/.test(stream.toString("latin1")))
    .flatMap((stream) => linesOf(fragmentsOf(tokenize(stream))))
    .join("\n");
}

/** The number of pages: `/Type /Page` objects (not the `/Pages` tree). */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  return text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}
