import { notFound } from "next/navigation";
import { type EntrySection, findProfileSectionByAnchor, isEntrySection } from "@/lib/medical-profile/sections";

/** The entry section a sub-page's segment names ("maladies" → illness); any other segment is "not found". */
export function entrySectionOf(segment: string): EntrySection {
  const key = findProfileSectionByAnchor(segment)?.key;
  if (!key || !isEntrySection(key)) notFound();
  return key;
}

/** `?retour=completer` when opened from "Compléter mon profil". */
export function backOf(searchParams: Record<string, string | string[] | undefined>): "profil" | "completer" {
  return searchParams.retour === "completer" ? "completer" : "profil";
}
