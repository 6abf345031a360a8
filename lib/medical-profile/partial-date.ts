/**
 * Dates of the medical profile are partial (reference §2.2): a year, perhaps a month, perhaps a
 * day. One helper reads them from a form, checks them and writes them in French, for every section.
 */

export type PartialDate = { year: number; month: number | null; day: number | null };

/** The earliest year accepted: a date before it is a typing slip. */
export const EARLIEST_PROFILE_YEAR = 1900;

const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
] as const;

/** The months as a form offers them, "1" → "janvier". */
export const MONTH_OPTIONS = MONTHS.map((label, index) => ({ value: String(index + 1), label }));

/** "12 mars 2019", "mars 2019" or "2019"; the first of the month is written "1er". */
export function formatPartialDate({ year, month, day }: PartialDate): string {
  if (month === null) return String(year);
  const monthName = MONTHS[month - 1];
  if (day === null) return `${monthName} ${year}`;
  return `${day === 1 ? "1er" : day} ${monthName} ${year}`;
}

/** The first and last instants a partial date may stand for, as comparable day numbers (yyyymmdd). */
function earliestDay({ year, month, day }: PartialDate): number {
  return year * 10_000 + (month ?? 1) * 100 + (day ?? 1);
}

function latestDay({ year, month, day }: PartialDate): number {
  return year * 10_000 + (month ?? 12) * 100 + (day ?? 31);
}

/** Today in Paris as yyyymmdd: a date typed in France is compared with France's calendar. */
function todayInParis(now: Date): number {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" })
    .format(now)
    .split("-")
    .map(Number);
  return (parts[0] ?? 0) * 10_000 + (parts[1] ?? 0) * 100 + (parts[2] ?? 0);
}

/** Whether the date is surely in the future: "2026" is not, in December 2026. */
export function isPartialDateInFuture(date: PartialDate, now: Date): boolean {
  return earliestDay(date) > todayInParis(now);
}

/** Whether `end` may come after `start`: it may not when every day it stands for is before every day of `start`. */
export function isPartialDateOrderPossible(start: PartialDate, end: PartialDate): boolean {
  return latestDay(end) >= earliestDay(start);
}

export type PartialDateFields = { year?: string; month?: string; day?: string };

export type PartialDateResult =
  | { status: "empty" }
  | { status: "valid"; date: PartialDate }
  | { status: "invalid"; message: string };

function parseWhole(text: string): number | null {
  return /^\d{1,4}$/.test(text) ? Number(text) : null;
}

/**
 * Reads a partial date typed in three fields (day, month, year). All empty is "empty"; a day
 * needs a month, a month needs a year; a real calendar day; never in the future. `what` names the
 * date in messages ("La date de début").
 */
export function parsePartialDate(fields: PartialDateFields, { what, now }: { what: string; now: Date }): PartialDateResult {
  const yearText = (fields.year ?? "").trim();
  const monthText = (fields.month ?? "").trim();
  const dayText = (fields.day ?? "").trim();
  if (!yearText && !monthText && !dayText) return { status: "empty" };
  if (!yearText) return { status: "invalid", message: `${what} doit au moins indiquer l'année.` };
  const year = parseWhole(yearText);
  const currentYear = Math.floor(todayInParis(now) / 10_000);
  if (year === null || yearText.length !== 4 || year < EARLIEST_PROFILE_YEAR) {
    return { status: "invalid", message: `L'année doit s'écrire avec 4 chiffres, entre ${EARLIEST_PROFILE_YEAR} et ${currentYear}.` };
  }
  const month = monthText ? parseWhole(monthText) : null;
  if (monthText && (month === null || month < 1 || month > 12)) return { status: "invalid", message: "Choisissez un mois de janvier à décembre." };
  if (dayText && month === null) return { status: "invalid", message: `Pour indiquer le jour, indiquez aussi le mois.` };
  const day = dayText ? parseWhole(dayText) : null;
  if (dayText && month !== null) {
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day === null || day < 1 || day > daysInMonth) {
      return { status: "invalid", message: `Le jour doit être compris entre 1 et ${daysInMonth} en ${MONTHS[month - 1]} ${year}.` };
    }
  }
  const date: PartialDate = { year, month, day };
  if (isPartialDateInFuture(date, now)) return { status: "invalid", message: `${what} ne peut pas être dans le futur.` };
  return { status: "valid", date };
}

/** A partial date read back from its columns, null without a year. */
export function partialDateOf(year: number | null, month: number | null, day: number | null): PartialDate | null {
  return year === null ? null : { year, month, day };
}
