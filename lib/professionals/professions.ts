/**
 * Professions of the national nomenclature (TRE_G15 "Profession de santé", the codes of the RPPS
 * register) that the directory accepts. The matrice d'habilitations is kept per profession code.
 */
export const PROFESSIONS = [
  { code: "10", label: "Médecin" },
  { code: "21", label: "Pharmacien" },
  { code: "26", label: "Audioprothésiste" },
  { code: "28", label: "Opticien-lunetier" },
  { code: "40", label: "Chirurgien-dentiste" },
  { code: "50", label: "Sage-femme" },
  { code: "60", label: "Infirmier" },
  { code: "70", label: "Masseur-kinésithérapeute" },
  { code: "80", label: "Pédicure-podologue" },
  { code: "91", label: "Orthophoniste" },
  { code: "92", label: "Orthoptiste" },
  { code: "93", label: "Psychologue" },
  { code: "94", label: "Ergothérapeute" },
  { code: "95", label: "Diététicien" },
  { code: "96", label: "Psychomotricien" },
  { code: "98", label: "Manipulateur d'électroradiologie médicale" },
] as const;

export type ProfessionCode = (typeof PROFESSIONS)[number]["code"];

export function isProfessionCode(value: string): value is ProfessionCode {
  return PROFESSIONS.some((profession) => profession.code === value);
}

/** The profession's name as the interface shows it; the code itself for one this list does not know. */
export function professionLabel(code: string): string {
  return PROFESSIONS.find((profession) => profession.code === code)?.label ?? code;
}
