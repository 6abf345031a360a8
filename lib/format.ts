/**
 * How values are shown to people: French conventions, instants in Europe/Paris whatever the
 * server's time zone. Pure functions, safe in server and client components.
 */

const TIME_ZONE = "Europe/Paris";

const shortDate = new Intl.DateTimeFormat("fr-FR", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
const time = new Intl.DateTimeFormat("fr-FR", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" });
const longDate = new Intl.DateTimeFormat("fr-FR", {
  timeZone: TIME_ZONE,
  day: "numeric",
  month: "long",
  year: "numeric",
});
/** Calendar dates ("YYYY-MM-DD") have no time zone: they are read and shown as UTC midnight. */
const longCalendarDate = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "UTC",
  day: "numeric",
  month: "long",
  year: "numeric",
});

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date from the database ("YYYY-MM-DD") or an instant. */
export type DateInput = Date | string;

/** [year, month, day] of a "YYYY-MM-DD" string. */
function splitCalendarDate(value: string): [string, string, string] {
  const match = CALENDAR_DATE.exec(value);
  if (!match) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${value}`);
  return [match[1] as string, match[2] as string, match[3] as string];
}

const parisCalendarDay = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

const parisClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** How far Paris is ahead of UTC at an instant, in milliseconds (one hour in winter, two in summer). */
export function parisOffsetMs(instant: Date): number {
  const parts = parisClock.formatToParts(instant);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  const asUtc = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"));
  return asUtc - Math.floor(instant.getTime() / 60_000) * 60_000;
}

/** An instant's civil date in France, "YYYY-MM-DD" (the calendar dates of the database are written in it). */
export function toParisCalendarDate(instant: Date): string {
  return parisCalendarDay.format(instant);
}

/** "03/02/2022": an instant's day in Paris, or a calendar date as it is. */
export function formatDateFr(value: DateInput): string {
  if (typeof value === "string") {
    const [year, month, day] = splitCalendarDate(value);
    return `${day}/${month}/${year}`;
  }
  return shortDate.format(value);
}

/** "14:05", in Paris. */
export function formatTimeFr(value: Date): string {
  return time.format(value);
}

/** "03/02/2022 à 14:05", in Paris. */
export function formatDateTimeFr(value: Date): string {
  return `${formatDateFr(value)} à ${formatTimeFr(value)}`;
}

/** "3 février 2022", and "1er février 2022" as French writes the first day of a month. */
export function formatLongDateFr(value: DateInput): string {
  let formatted: string;
  if (typeof value === "string") {
    const [year, month, day] = splitCalendarDate(value);
    formatted = longCalendarDate.format(new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))));
  } else {
    formatted = longDate.format(value);
  }
  return formatted.replace(/^1 /, "1er ");
}

const smallNumbers = ["zéro", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"];

/** "six semaines" for 42 days, "45 jours" otherwise: durations in legal text read like the law's. */
export function describeDays(days: number): string {
  const weeks = days / 7;
  if (Number.isInteger(weeks) && weeks <= 10) {
    return `${smallNumbers[weeks] ?? String(weeks)} semaine${weeks > 1 ? "s" : ""}`;
  }
  return `${days} jour${days > 1 ? "s" : ""}`;
}

/** "30 minutes", "2 heures". */
export function describeMinutes(minutes: number): string {
  const hours = minutes / 60;
  if (Number.isInteger(hours)) return `${hours} heure${hours > 1 ? "s" : ""}`;
  return `${minutes} minute${minutes > 1 ? "s" : ""}`;
}

/** Stars of a fixed length, so that a masked value does not reveal how long it is. */
const MASK = "*********";

/** "camille.martin@example.org" → "c*********n@example.org": enough to recognise one's own address. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return MASK;
  const local = email.slice(0, at);
  const domain = email.slice(at);
  if (local.length < 3) return `${local[0]}${MASK}${domain}`;
  return `${local[0]}${MASK}${local[local.length - 1]}${domain}`;
}

/**
 * Country codes whose mobiles are written nationally as 0 followed by nine digits:
 * metropolitan France and the overseas departments.
 */
const FRENCH_COUNTRY_CODES = ["33", "262", "269", "590", "594", "596"];

/** The ten-digit national form of a French E.164 number ("+33699001122" → "0699001122"), or null. */
function toFrenchNationalNumber(mobile: string): string | null {
  const digits = mobile.replace(/[\s.-]/g, "");
  if (/^0\d{9}$/.test(digits)) return digits;
  for (const code of FRENCH_COUNTRY_CODES) {
    const match = new RegExp(`^\\+${code}(\\d{9})$`).exec(digits);
    if (match) return `0${match[1]}`;
  }
  return null;
}

function groupByPairs(digits: string): string {
  return digits.replace(/(\d{2})(?=\d)/g, "$1 ");
}

/** "+33699001122" → "06 99 00 11 22"; a foreign number stays in its international form. */
export function formatMobileFr(mobile: string): string {
  const national = toFrenchNationalNumber(mobile);
  return national ? groupByPairs(national) : mobile;
}

/** "+33699001122" → "06 ** ** ** 22". */
export function maskMobile(mobile: string): string {
  const national = toFrenchNationalNumber(mobile);
  if (national) return `${national.slice(0, 2)} ** ** ** ${national.slice(8)}`;
  const digits = mobile.replace(/\D/g, "");
  return `+${digits.slice(0, 2)} ** ** ** ${digits.slice(-2)}`;
}

/**
 * The instant of a date ("AAAA-MM-JJ") and time ("HH:MM") read on a clock in Paris. A time the
 * clocks skip in spring (02:30 on the last Sunday of March) reads as the hour after.
 */
export function parisWallClockToInstant(isoDate: string, hours: number, minutes: number): Date {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const wallClockAsUtc = Date.UTC(year, month - 1, day, hours, minutes);
  const firstGuess = wallClockAsUtc - parisOffsetMs(new Date(wallClockAsUtc));
  // The offset at the guess itself differs only across a change of time: the second reading settles it.
  return new Date(wallClockAsUtc - parisOffsetMs(new Date(firstGuess)));
}
