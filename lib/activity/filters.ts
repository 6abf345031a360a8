import { z } from "zod";
import { activityActorKindEnum, activityGroupEnum, type ActivityActorKind, type ActivityGroup } from "@/db/schema/activity";
import type { FieldErrors } from "@/lib/form-state";
import { parisWallClockToInstant } from "@/lib/format";
import { fieldErrorsOf, optionalChoiceFilter, optionalFrenchDateFilter } from "@/lib/validation";

/**
 * The filters of "Historique d'activité", read from the page's query string (a GET form: filtering
 * changes nothing, and the filtered list has an address the export link reuses).
 */
export type ActivityFilters = {
  /** First instant shown: midnight in Paris of "Du". */
  from: Date | null;
  /** First instant no longer shown: midnight in Paris of the day after "Au". */
  until: Date | null;
  actorKind: ActivityActorKind | null;
  group: ActivityGroup | null;
};

/** Where the page starts: events older than a given one, or newer than it; the first page without. */
export type ActivityCursor = { direction: "older" | "newer"; at: Date; id: string };

/** What the form shows again, as typed. */
export type ActivityFilterValues = { du: string; au: string; acteur: string; groupe: string };

export type ParsedActivityQuery =
  | { status: "valid"; filters: ActivityFilters; cursor: ActivityCursor | null; values: ActivityFilterValues }
  | { status: "invalid"; fieldErrors: FieldErrors; values: ActivityFilterValues };

export const NO_FILTERS: ActivityFilters = { from: null, until: null, actorKind: null, group: null };

/** Midnight in Paris at the start of a calendar day ("AAAA-MM-JJ"), as an instant. */
export function startOfParisDay(calendarDate: string, addDays = 0): Date {
  const [year, month, day] = calendarDate.split("-").map(Number) as [number, number, number];
  return parisWallClockToInstant(new Date(Date.UTC(year, month - 1, day + addDays)).toISOString().slice(0, 10), 0, 0);
}

const filterSchema = z
  .object({
    du: optionalFrenchDateFilter("La date de début doit être une date réelle au format JJ/MM/AAAA."),
    au: optionalFrenchDateFilter("La date de fin doit être une date réelle au format JJ/MM/AAAA."),
    acteur: optionalChoiceFilter(activityActorKindEnum.enumValues, "Choisissez un auteur dans la liste."),
    groupe: optionalChoiceFilter(activityGroupEnum.enumValues, "Choisissez une catégorie dans la liste."),
  })
  .superRefine((value, context) => {
    if (value.du && value.au && value.au < value.du) {
      context.addIssue({ code: "custom", path: ["au"], message: "La date de fin doit être le même jour que la date de début ou après." });
    }
  });

const CURSOR_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** "2026-12-02T01:02:03.456Z_<id>": the (at, id) key of the event a page starts after. */
export function encodeActivityCursor(event: { at: Date; id: string }): string {
  return `${event.at.toISOString()}_${event.id}`;
}

function decodeCursor(value: string | undefined, direction: ActivityCursor["direction"]): ActivityCursor | null {
  const match = value ? CURSOR_PATTERN.exec(value) : null;
  if (!match) return null;
  const at = new Date(match[1] as string);
  return Number.isNaN(at.getTime()) ? null : { direction, at, id: match[2] as string };
}

type QueryInput = Record<string, string | string[] | undefined>;

/** One value per name: a repeated parameter keeps its first value, as a form would send it. */
function single(query: QueryInput, name: string): string {
  const value = query[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/**
 * Reads the filters and the page from the query string. Bad filters come back as French messages
 * by field; a cursor that is not one (edited by hand) just means the first page.
 */
export function parseActivityQuery(query: QueryInput): ParsedActivityQuery {
  const values: ActivityFilterValues = {
    du: single(query, "du").slice(0, 40),
    au: single(query, "au").slice(0, 40),
    acteur: single(query, "acteur").slice(0, 40),
    groupe: single(query, "groupe").slice(0, 40),
  };
  const parsed = filterSchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error), values };
  const { du, au, acteur, groupe } = parsed.data;
  const filters: ActivityFilters = {
    from: du ? startOfParisDay(du) : null,
    until: au ? startOfParisDay(au, 1) : null,
    actorKind: acteur,
    group: groupe,
  };
  const cursor = decodeCursor(single(query, "avant"), "older") ?? decodeCursor(single(query, "apres"), "newer");
  return { status: "valid", filters, cursor, values };
}

/** The query string of the filtered list (the filters only), for the export link and the page links. */
export function activityFilterQuery(values: ActivityFilterValues, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...values, ...extra })) if (value) params.set(name, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}
