import type { profileSectionEnum } from "@/db/schema";

/** A section whose entries are rows of `profile_items` (the questionnaire writes three of them). */
export type ProfileSection = (typeof profileSectionEnum.enumValues)[number];

/** Every section of "Profil médical", in the order of the page (reference §2.1). */
export const PROFILE_SECTION_KEYS = [
  "illness",
  "treatment",
  "hospitalisation",
  "disability",
  "blood-group",
  "allergy",
  "family-history",
  "measurements",
  "vaccination",
  "health-professionals",
  "entourage",
  "advance-directives",
  "organ-donation",
  "lifestyle",
] as const;

export type ProfileSectionKey = (typeof PROFILE_SECTION_KEYS)[number];

/** Sections whose entries are added, changed and deleted one by one through a form of lib/medical-profile/entries.ts. */
export type EntrySection = ProfileSection | "health-professionals" | "entourage";

export type ProfileSectionInfo = {
  key: ProfileSectionKey;
  title: string;
  /** The fragment of /profil-medical that shows the section, and the segment of its sub-pages. */
  anchor: string;
  /** The heading the section sits under on the page (reference §2.1). */
  group: string;
  /** What an empty section says. */
  emptyText: string;
  /** Whether "Je ne suis pas concerné" may be said of it (reference §2.1 `unconcerned`). */
  offersNotConcerned: boolean;
};

const GROUPS = {
  followUp: "Suivi médical",
  characteristics: "Caractéristiques de santé",
  measurements: "Mesures",
  vaccinations: "Vaccinations",
  professionals: "Professionnels de santé",
  wishes: "Entourage et volontés",
  lifestyle: "Habitudes de vie",
} as const;

export const PROFILE_SECTIONS: readonly ProfileSectionInfo[] = [
  {
    key: "illness",
    title: "Maladies et sujets de santé",
    anchor: "maladies",
    group: GROUPS.followUp,
    emptyText: "Aucune maladie ni aucun sujet de santé renseigné.",
    offersNotConcerned: true,
  },
  { key: "treatment", title: "Traitements", anchor: "traitements", group: GROUPS.followUp, emptyText: "Aucun traitement renseigné.", offersNotConcerned: true },
  {
    key: "hospitalisation",
    title: "Hospitalisations",
    anchor: "hospitalisations",
    group: GROUPS.followUp,
    emptyText: "Aucune hospitalisation renseignée.",
    offersNotConcerned: true,
  },
  { key: "disability", title: "Handicaps", anchor: "handicaps", group: GROUPS.followUp, emptyText: "Aucun handicap renseigné.", offersNotConcerned: true },
  {
    key: "blood-group",
    title: "Groupe sanguin",
    anchor: "groupe-sanguin",
    group: GROUPS.characteristics,
    emptyText: "Groupe sanguin non renseigné.",
    offersNotConcerned: false,
  },
  { key: "allergy", title: "Allergies", anchor: "allergies", group: GROUPS.characteristics, emptyText: "Aucune allergie renseignée.", offersNotConcerned: true },
  {
    key: "family-history",
    title: "Antécédents familiaux",
    anchor: "antecedents-familiaux",
    group: GROUPS.characteristics,
    emptyText: "Aucun antécédent familial renseigné.",
    offersNotConcerned: true,
  },
  { key: "measurements", title: "Mesures", anchor: "mesures", group: GROUPS.measurements, emptyText: "Aucune mesure renseignée.", offersNotConcerned: false },
  {
    key: "vaccination",
    title: "Vaccinations",
    anchor: "vaccinations",
    group: GROUPS.vaccinations,
    emptyText: "Aucune vaccination renseignée.",
    offersNotConcerned: false,
  },
  {
    key: "health-professionals",
    title: "Mes professionnels de santé",
    anchor: "professionnels",
    group: GROUPS.professionals,
    emptyText: "Aucun professionnel de santé renseigné.",
    offersNotConcerned: false,
  },
  { key: "entourage", title: "Entourage", anchor: "entourage", group: GROUPS.wishes, emptyText: "Aucun contact renseigné.", offersNotConcerned: false },
  {
    key: "advance-directives",
    title: "Directives anticipées",
    anchor: "directives-anticipees",
    group: GROUPS.wishes,
    emptyText: "Aucune directive anticipée enregistrée.",
    offersNotConcerned: false,
  },
  {
    key: "organ-donation",
    title: "Don d'organes",
    anchor: "don-d-organes",
    group: GROUPS.wishes,
    emptyText: "Vous n'avez pas encore indiqué avoir pris connaissance de l'information sur le don d'organes.",
    offersNotConcerned: false,
  },
  {
    key: "lifestyle",
    title: "Habitudes de vie",
    anchor: "habitudes-de-vie",
    group: GROUPS.lifestyle,
    emptyText: "Aucune habitude de vie renseignée.",
    offersNotConcerned: false,
  },
];

/**
 * What professionals may read besides the profile's own sections: "Mon histoire de santé", the
 * insurer's care events (lib/reimbursements), which the patient may mask as a whole.
 */
export type ProfessionalReadableSection = ProfileSectionKey | "health-history";

/** The sections professionals will be able to see (SPEC §6): vaccinations, "Mon histoire de santé", the entourage and the wishes. */
const SECTIONS_VISIBLE_TO_PROFESSIONALS: ReadonlySet<ProfessionalReadableSection> = new Set<ProfessionalReadableSection>([
  "vaccination",
  "health-history",
  "entourage",
  "advance-directives",
  "organ-donation",
]);

/**
 * Whether authorised professionals may see a section at all; within one that they may, each item
 * still has its own "Masquer aux professionnels". Every other section is never shown to them:
 * the access rules of the professionals' portal ask this function, and nothing else.
 */
export function isProfileSectionVisibleToProfessionals(section: ProfessionalReadableSection): boolean {
  return SECTIONS_VISIBLE_TO_PROFESSIONALS.has(section);
}

export const MEASUREMENTS_ANCHOR = "mesures";

export function profileSectionInfo(key: ProfileSectionKey): ProfileSectionInfo {
  const info = PROFILE_SECTIONS.find((candidate) => candidate.key === key);
  if (!info) throw new Error(`unknown profile section ${key}`);
  return info;
}

/** The section a sub-page's segment ("maladies") names, if any. */
export function findProfileSectionByAnchor(anchor: string): ProfileSectionInfo | undefined {
  return PROFILE_SECTIONS.find((candidate) => candidate.anchor === anchor);
}

const PROFILE_ITEM_SECTIONS: ReadonlySet<string> = new Set<ProfileSection>([
  "illness",
  "treatment",
  "allergy",
  "hospitalisation",
  "family-history",
  "vaccination",
  "disability",
]);

export function isProfileItemSection(key: string): key is ProfileSection {
  return PROFILE_ITEM_SECTIONS.has(key);
}

export function isEntrySection(key: string): key is EntrySection {
  return isProfileItemSection(key) || key === "health-professionals" || key === "entourage";
}
