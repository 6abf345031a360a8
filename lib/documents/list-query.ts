import { type DocumentCategory, DOCUMENT_CATEGORY_LABELS } from "./categories";
import { isUuid } from "@/lib/validation";

/**
 * The list's filters, sort and page, read from the query string of /documents (a GET form:
 * filtering changes nothing, and a filtered list has an address of its own). Whatever a URL
 * holds, the list shows: an unknown value is dropped, never an error page.
 */

export const DOCUMENT_SORTS = {
  recent: "Les plus récents",
  ancien: "Les plus anciens",
  "titre-az": "Titre, de A à Z",
  "titre-za": "Titre, de Z à A",
  "auteur-az": "Ajouté par, de A à Z",
  "auteur-za": "Ajouté par, de Z à A",
} as const;

export type DocumentSort = keyof typeof DOCUMENT_SORTS;

/** The "Dossier" filter's value for documents in no folder. */
export const NO_FOLDER = "aucun";

export type DocumentListFilters = {
  category: DocumentCategory | null;
  /** A folder's id, NO_FOLDER, or null for every document. */
  folder: string | null;
  /** The search as typed (trimmed); empty for none. */
  search: string;
  sort: DocumentSort;
};

export type DocumentListQuery = DocumentListFilters & { page: number };

/** What the form shows again: the query's values as they will be sent back. */
export type DocumentListValues = { categorie: string; dossier: string; recherche: string; tri: string };

export const SEARCH_MAX_LENGTH = 100;

type QueryInput = Record<string, string | string[] | undefined>;

function single(query: QueryInput, name: string): string {
  const value = query[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function isDocumentSort(value: string): value is DocumentSort {
  return Object.hasOwn(DOCUMENT_SORTS, value);
}

/** A list's "page" parameter: a whole number from 1; anything else is the first page. */
export function parsePageParameter(query: QueryInput): number {
  const page = Number(single(query, "page"));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** The query string of a list without filters (the /pro record's documents): its page, the first left out. */
export function pageQueryString(page: number): string {
  return page > 1 ? `?page=${page}` : "";
}

export function parseDocumentListQuery(query: QueryInput): DocumentListQuery {
  const category = single(query, "categorie");
  const folder = single(query, "dossier");
  const sort = single(query, "tri");
  // Every category may be filtered on, those the service sets included ("Synthèse médicale").
  const isCategory = Object.hasOwn(DOCUMENT_CATEGORY_LABELS, category);
  return {
    category: isCategory ? (category as DocumentCategory) : null,
    folder: folder === NO_FOLDER || isUuid(folder) ? folder.toLowerCase() : null,
    search: single(query, "recherche").trim().slice(0, SEARCH_MAX_LENGTH),
    sort: isDocumentSort(sort) ? sort : "recent",
    page: parsePageParameter(query),
  };
}

export function documentListValues(filters: DocumentListFilters): DocumentListValues {
  return { categorie: filters.category ?? "", dossier: filters.folder ?? "", recherche: filters.search, tri: filters.sort };
}

/** The query string of a list (default values left out), e.g. for the pages' links. */
export function documentListQueryString(filters: DocumentListFilters, page = 1): string {
  const params = new URLSearchParams();
  if (filters.category) params.set("categorie", filters.category);
  if (filters.folder) params.set("dossier", filters.folder);
  if (filters.search) params.set("recherche", filters.search);
  if (filters.sort !== "recent") params.set("tri", filters.sort);
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function isFiltered(filters: DocumentListFilters): boolean {
  return filters.category !== null || filters.folder !== null || filters.search !== "";
}
