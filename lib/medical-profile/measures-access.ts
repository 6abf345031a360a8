import type { measurementAuthorKindEnum } from "@/db/schema";

export type MeasurementAuthorKind = (typeof measurementAuthorKindEnum.enumValues)[number];

/** What the patient may do with one measurement. */
export type MeasurementPermissions = { mayDelete: boolean };

/**
 * The one rule of what the patient may do with a measurement, from its author: they may delete
 * what they (or whoever acts in their space) added; a professional's or a connected service's
 * measurement stays, as in the real service (its `permissions` per value).
 */
export function measurementPermissions(authorKind: MeasurementAuthorKind): MeasurementPermissions {
  return { mayDelete: authorKind === "patient" };
}

/** "Ajoutée par …" for a measurement the patient did not add; null for their own. */
export function describeMeasurementAuthor(authorKind: MeasurementAuthorKind, authorName: string | null): string | null {
  if (authorKind === "patient") return null;
  const who = authorName ?? (authorKind === "professional" ? "un professionnel de santé" : "un service connecté");
  return `Ajoutée par ${who}`;
}
