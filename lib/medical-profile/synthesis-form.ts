import { z } from "zod";
import type { FieldErrors } from "@/lib/form-state";
import { PROFILE_SECTIONS, type ProfileSectionKey } from "./sections";

/*
 * The form of « Partager une synthèse », without anything of the server: the page, the route,
 * the action and the attack suite read the same rules.
 */

/** The form's field names. */
export const SYNTHESIS_FIELDS = { sections: "rubrique", visibility: "visibilite" } as const;

/** Every section may be chosen, in the page's order (reference §2.5). */
export const SYNTHESIS_SECTION_CHOICES = PROFILE_SECTIONS.map(({ key, title }) => ({ value: key, label: title }));

export const SYNTHESIS_VISIBILITY_CHOICES = [
  { value: "visible", label: "Visible par les professionnels de santé" },
  { value: "masquee", label: "Masquée aux professionnels" },
] as const;

const visibilitySchema = z.enum(["visible", "masquee"]);

/** The answer to "Visible par les professionnels de santé" / "Masquée aux professionnels", when it was asked: true for masked. */
export function parseSynthesisVisibility(value: unknown): { status: "valid"; isHidden: boolean } | { status: "invalid" } {
  const parsed = visibilitySchema.safeParse(value);
  return parsed.success ? { status: "valid", isHidden: parsed.data === "masquee" } : { status: "invalid" };
}

export const NO_SECTION_CHOSEN = "Choisissez au moins une rubrique.";
export const NO_VISIBILITY_CHOSEN = "Indiquez si la synthèse est visible par les professionnels de santé.";

const sectionKeys = PROFILE_SECTIONS.map(({ key }) => key) as [ProfileSectionKey, ...ProfileSectionKey[]];
const sectionsSchema = z.array(z.enum(sectionKeys, { error: "Choisissez des rubriques de la liste." })).min(1, NO_SECTION_CHOSEN);

export type SynthesisRequest = { sections: ProfileSectionKey[] };

/** The chosen sections (repeated values, in any order, duplicates ignored), put back in the page's order. */
export function parseSynthesisSections(values: unknown[]): { status: "valid"; sections: ProfileSectionKey[] } | { status: "invalid"; fieldErrors: FieldErrors } {
  const parsed = sectionsSchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: { [SYNTHESIS_FIELDS.sections]: [parsed.error.issues[0]?.message ?? NO_SECTION_CHOSEN] } };
  const chosen = new Set(parsed.data);
  return { status: "valid", sections: sectionKeys.filter((key) => chosen.has(key)) };
}

