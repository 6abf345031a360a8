import { z } from "zod";
import type { FieldErrors } from "@/lib/form-state";

/**
 * Field parsers shared by every form: they accept what a French user types and return the
 * stored form, with a French message on failure.
 */

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a string is an id as PostgreSQL reads one. Ids from URLs, cookies and forms are checked
 * first, so that a malformed one is "not found" rather than a database error.
 */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** "JJ/MM/AAAA" (or "AAAA-MM-JJ") → "AAAA-MM-JJ", a real calendar date. */
export function parseFrenchDate(input: string): string | null {
  const trimmed = input.trim();
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const [year, month, day] = french
    ? [Number(french[3]), Number(french[2]), Number(french[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(year) || year < 1850) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export const frenchDateField = (label: string) =>
  z
    .string({ error: `Saisissez votre ${label}.` })
    .trim()
    .min(1, `Saisissez votre ${label}.`)
    .transform((value, context) => {
      const parsed = parseFrenchDate(value);
      if (!parsed) {
        context.addIssue({ code: "custom", message: `La ${label} doit être une date réelle au format JJ/MM/AAAA.` });
        return z.NEVER;
      }
      return parsed;
    });

/** A list filter's date, "JJ/MM/AAAA" or nothing (null): `message` when it is not a real date. */
export const optionalFrenchDateFilter = (message: string) =>
  z
    .string()
    .trim()
    .transform((value, context) => {
      if (value === "") return null;
      const parsed = parseFrenchDate(value);
      if (!parsed) {
        context.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return parsed;
    });

/** A list filter's choice among `choices`, or nothing (null): `message` for anything else. */
export const optionalChoiceFilter = <T extends string>(choices: readonly T[], message: string) =>
  z
    .string()
    .trim()
    .refine((value) => value === "" || (choices as readonly string[]).includes(value), message)
    .transform((value) => (value === "" ? null : (value as T)));

/** French mobile numbers typed as "06 12 34 56 78" or "+33 6 12 34 56 78" → E.164. */
export function normalizeMobile(input: string): string | null {
  const compact = input.replace(/[\s.()-]/g, "");
  if (/^0[67]\d{8}$/.test(compact)) return `+33${compact.slice(1)}`;
  if (/^\+33[67]\d{8}$/.test(compact)) return compact;
  if (/^\+[1-9]\d{7,14}$/.test(compact)) return compact;
  return null;
}

export const mobileField = z
  .string()
  .trim()
  .min(1, "Saisissez un numéro de mobile.")
  .transform((value, context) => {
    const mobile = normalizeMobile(value);
    if (!mobile) {
      context.addIssue({ code: "custom", message: "Saisissez un numéro de mobile valide, par exemple 06 12 34 56 78." });
      return z.NEVER;
    }
    return mobile;
  });

export const emailField = z
  .string()
  .trim()
  .min(1, "Saisissez une adresse e-mail.")
  .max(254, "L'adresse e-mail est trop longue.")
  .toLowerCase()
  .pipe(z.email("Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr."));


export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors;
}

/**
 * The form a server action received. An action is a public endpoint: its arguments are whatever
 * the request encoded, not necessarily the FormData its page's form sends. Anything else reads as
 * an empty form, so that the action answers with its field errors instead of throwing (a 500).
 */
export function submittedForm(submitted: unknown): FormData {
  return submitted instanceof FormData ? submitted : new FormData();
}

/**
 * The fields of a submitted form for a zod schema: the first value of each name, as
 * FormData.get reads it, a file standing for no text at all. A field repeated in a forged body
 * cannot slip a second value past the check of the first.
 */
export function formFields(formData: FormData): Record<string, string | undefined> {
  const fields: Record<string, string | undefined> = {};
  for (const name of new Set(formData.keys())) {
    const value = formData.get(name);
    fields[name] = typeof value === "string" ? value : undefined;
  }
  return fields;
}
