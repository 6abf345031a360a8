/**
 * Money is integer cents from the file to the screen: never a float, so that sums are exact and
 * "Reste à charge" always equals "Montant payé" minus what was paid back.
 */

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

/** "1 234,56 €" (French spacing and comma). */
export function formatCents(cents: number): string {
  return euros.format(cents / 100);
}

/** "1234,56" for a CSV cell: no currency sign nor thousands separator, as spreadsheets read numbers; the feed file writes "1234.56". */
export function formatCentsPlain(cents: number, separator: "," | "." = ","): string {
  const sign = cents < 0 ? "-" : "";
  const absolute = Math.abs(cents);
  return `${sign}${Math.trunc(absolute / 100)}${separator}${String(absolute % 100).padStart(2, "0")}`;
}

/** The largest amount a line may carry (one million euros): keeps every sum far from integer limits. */
export const MAX_LINE_CENTS = 100_000_000;

/**
 * "25", "25,5", "25.50" → 2550 cents; null when not an amount of euros with at most two decimals.
 * Read from the digits, never through a float.
 */
export function parseEurosToCents(text: string): number | null {
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return cents <= MAX_LINE_CENTS ? cents : null;
}

/** The insurer's share of a base at a rate, rounded to the nearest cent (half up). */
export function shareOfBase(baseCents: number, ratePercent: number): number {
  return Math.floor((baseCents * ratePercent + 50) / 100);
}

/** "Reste à charge": what the beneficiary paid that neither insurer paid back. */
export function remainingChargeCents(line: { amountPaidCents: number; insurerPaidCents: number; complementaryPaidCents: number }): number {
  return line.amountPaidCents - line.insurerPaidCents - line.complementaryPaidCents;
}
