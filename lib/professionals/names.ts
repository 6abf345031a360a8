import { professionLabel } from "./professions";

type Named = { firstName: string; lastName: string; professionCode: string };

/** "Dr Anne Leroy" for a doctor, "Paul Girard" otherwise: as patients and the activity history name them. */
export function professionalDisplayName({ firstName, lastName, professionCode }: Named): string {
  return `${professionCode === "10" ? "Dr " : ""}${firstName} ${lastName}`;
}

/** "Médecin, Médecine générale" / "Pharmacien": what the /pro header says under the name. */
export function professionDescription({ professionCode, specialty }: { professionCode: string; specialty: string | null }): string {
  const label = professionLabel(professionCode);
  return specialty ? `${label}, ${specialty}` : label;
}
