import type { profileAuthorKindEnum } from "@/db/schema";

export type ProfileAuthorKind = (typeof profileAuthorKindEnum.enumValues)[number];

/**
 * The one rule of who may change an entry of the profile (SPEC §6, reference §2.2): the patient
 * (or whoever acts for them) changes and deletes what they wrote, never what a professional
 * added or confirmed.
 */
export function mayPatientChangeEntry(entry: { authorKind: ProfileAuthorKind; confirmedByProfessionalAt?: Date | null }): boolean {
  return entry.authorKind === "patient" && !entry.confirmedByProfessionalAt;
}

/** What such an entry says instead of its buttons. */
export const PROFESSIONAL_ENTRY_NOTICE =
  "Cette information a été ajoutée ou confirmée par un professionnel de santé. Elle ne peut pas être modifiée ou supprimée.";
