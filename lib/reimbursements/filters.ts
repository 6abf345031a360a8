import { z } from "zod";
import type { CareCategory } from "@/db/schema/reimbursements";
import type { FieldErrors } from "@/lib/form-state";
import { fieldErrorsOf, optionalChoiceFilter, optionalFrenchDateFilter, parseFrenchDate } from "@/lib/validation";
import { CARE_CATEGORIES } from "./categories";

/**
 * The filters of "Remboursements" and "Mon histoire de santé", read from the query string (a GET
 * form: filtering changes nothing, and the filtered list has an address the export link reuses).
 */
export type StatementFilters = {
  /** First and last day of care shown, "YYYY-MM-DD", both included. */
  fromDate: string | null;
  untilDate: string | null;
  category: CareCategory | null;
  /** One beneficiary of the scope; checked against it by the page (lib/reimbursements/scope.ts). */
  beneficiaryId: string | null;
};

/** Where a page starts: care older than a given one, or newer; the first page without. */
export type StatementCursor = { direction: "older" | "newer"; careDate: string; id: string };

export type StatementFilterValues = { annee: string; du: string; au: string; categorie: string; beneficiaire: string };

export type ParsedStatementQuery =
  | { status: "valid"; filters: StatementFilters; cursor: StatementCursor | null; values: StatementFilterValues }
  | { status: "invalid"; fieldErrors: FieldErrors; values: StatementFilterValues };

export const NO_STATEMENT_FILTERS: StatementFilters = { fromDate: null, untilDate: null, category: null, beneficiaryId: null };

function buildFilterSchema(beneficiaryIds: readonly string[]) {
  return z
    .object({
      annee: z
        .string()
        .trim()
        .refine((value) => value === "" || /^(19|20)\d{2}$/.test(value), "Choisissez une année dans la liste.")
        .transform((value) => (value === "" ? null : value)),
      du: optionalFrenchDateFilter("La date de début doit être une date réelle au format JJ/MM/AAAA."),
      au: optionalFrenchDateFilter("La date de fin doit être une date réelle au format JJ/MM/AAAA."),
      categorie: optionalChoiceFilter(
        CARE_CATEGORIES.map((category) => category.value),
        "Choisissez un type de soins dans la liste.",
      ),
      beneficiaire: optionalChoiceFilter(beneficiaryIds, "Choisissez un bénéficiaire dans la liste."),
    })
    .superRefine((value, context) => {
      if (value.du && value.au && value.au < value.du) {
        context.addIssue({ code: "custom", path: ["au"], message: "La date de fin doit être le même jour que la date de début ou après." });
      }
    });
}

const CURSOR_PATTERN = /^(\d{4}-\d{2}-\d{2})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** "2026-12-02_<id>": the (care_date, id) key of the line a page starts after. */
export function encodeStatementCursor(line: { careDate: string; id: string }): string {
  return `${line.careDate}_${line.id}`;
}

function decodeCursor(value: string, direction: StatementCursor["direction"]): StatementCursor | null {
  const match = CURSOR_PATTERN.exec(value);
  if (!match || parseFrenchDate(match[1] as string) !== match[1]) return null;
  return { direction, careDate: match[1] as string, id: match[2] as string };
}

type QueryInput = Record<string, string | string[] | undefined>;

function single(query: QueryInput, name: string): string {
  const value = query[name];
  return ((Array.isArray(value) ? value[0] : value) ?? "").slice(0, 60);
}

/** The later of two optional lower bounds, the earlier of two upper bounds: a year and a period both apply. */
const later = (left: string | null, right: string | null) => (left && right ? (left > right ? left : right) : (left ?? right));
const earlier = (left: string | null, right: string | null) => (left && right ? (left < right ? left : right) : (left ?? right));

/**
 * Reads the filters and the page from the query string. A beneficiary must be one of `beneficiaryIds`
 * (the scope's); bad filters come back as French messages by field; a cursor that is not one means
 * the first page.
 */
export function parseStatementQuery(query: QueryInput, beneficiaryIds: readonly string[]): ParsedStatementQuery {
  const values: StatementFilterValues = {
    annee: single(query, "annee"),
    du: single(query, "du"),
    au: single(query, "au"),
    categorie: single(query, "categorie"),
    beneficiaire: single(query, "beneficiaire"),
  };
  const parsed = buildFilterSchema(beneficiaryIds).safeParse(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error), values };
  const { annee, du, au, categorie, beneficiaire } = parsed.data;
  const filters: StatementFilters = {
    fromDate: later(annee ? `${annee}-01-01` : null, du),
    untilDate: earlier(annee ? `${annee}-12-31` : null, au),
    category: categorie,
    beneficiaryId: beneficiaire,
  };
  const cursor = decodeCursor(single(query, "avant"), "older") ?? decodeCursor(single(query, "apres"), "newer");
  return { status: "valid", filters, cursor, values };
}

/** The query string of the filtered list, for the export link and the page links. */
export function statementFilterQuery(values: Partial<StatementFilterValues>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...values, ...extra })) if (value) params.set(name, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}
