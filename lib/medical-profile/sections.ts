import type { profileSectionEnum } from "@/db/schema";

export type ProfileSection = (typeof profileSectionEnum.enumValues)[number];

export type ProfileSectionInfo = {
  section: ProfileSection;
  title: string;
  /** The fragment of /profil-medical that shows the section. */
  anchor: string;
  /** What an empty section says. */
  emptyText: string;
};

/** The sections of the profile that hold free items, in the order of the page. */
export const PROFILE_SECTIONS: ProfileSectionInfo[] = [
  {
    section: "illness",
    title: "Maladies et sujets de santé",
    anchor: "maladies",
    emptyText: "Aucune maladie ni aucun sujet de santé renseigné.",
  },
  { section: "treatment", title: "Traitements", anchor: "traitements", emptyText: "Aucun traitement renseigné." },
  { section: "allergy", title: "Allergies", anchor: "allergies", emptyText: "Aucune allergie renseignée." },
  {
    section: "hospitalisation",
    title: "Hospitalisations",
    anchor: "hospitalisations",
    emptyText: "Aucune hospitalisation renseignée.",
  },
  {
    section: "family-history",
    title: "Antécédents familiaux",
    anchor: "antecedents-familiaux",
    emptyText: "Aucun antécédent familial renseigné.",
  },
  { section: "vaccination", title: "Vaccinations", anchor: "vaccinations", emptyText: "Aucune vaccination renseignée." },
];

export const MEASUREMENTS_ANCHOR = "mesures";

export function profileSectionInfo(section: ProfileSection): ProfileSectionInfo {
  const info = PROFILE_SECTIONS.find((candidate) => candidate.section === section);
  if (!info) throw new Error(`unknown profile section ${section}`);
  return info;
}
