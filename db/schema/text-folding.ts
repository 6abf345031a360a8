import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * Accent- and case-insensitive comparison of titles and names, the same in the database and in
 * JavaScript: each accented letter (either case) becomes its plain lower-case letter, then ASCII
 * letters are lowered. PostgreSQL does it with translate() and lower(), both immutable and
 * available on PGlite (no unaccent extension needed); lower() is applied after translate()
 * because under the "C" locale it only lowers ASCII. One table serves both sides.
 */
const FOLDED_LETTERS: Record<string, string> = {
  a: "àáâãäåāăąÀÁÂÃÄÅĀĂĄ",
  c: "çćĉċčÇĆĈĊČ",
  d: "ďđĎĐ",
  e: "èéêëēĕėęěÈÉÊËĒĔĖĘĚ",
  g: "ĝğġģĜĞĠĢ",
  i: "ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ",
  n: "ñńņňÑŃŅŇ",
  o: "òóôõöøōŏőÒÓÔÕÖØŌŎŐ",
  s: "śŝşšŚŜŞŠ",
  u: "ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ",
  y: "ýÿŷÝŸŶ",
  z: "źżžŹŻŽ",
};

/** The characters translate() replaces, and what each becomes, position by position. */
export const FOLD_FROM = Object.values(FOLDED_LETTERS).join("");
export const FOLD_TO = Object.entries(FOLDED_LETTERS)
  .map(([plain, accented]) => plain.repeat([...accented].length))
  .join("");

const FOLD_MAP = new Map([...FOLD_FROM].map((character, index) => [character, FOLD_TO[index] as string]));

/** "Échographie Œsophage" → "echographie œsophage": what the database compares. */
export function foldText(text: string): string {
  return [...text]
    .map((character) => FOLD_MAP.get(character) ?? character)
    .join("")
    .replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/**
 * The folded form of a text column, as SQL: in a generated column (stored once per write, so that
 * searching and sorting a thousand titles reads them ready-made) or in a query.
 */
export function foldedSql(column: AnyPgColumn): SQL {
  return sql`lower(translate(${column}, ${sql.raw(`'${FOLD_FROM}'`)}, ${sql.raw(`'${FOLD_TO}'`)}))`;
}
