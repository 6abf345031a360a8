import {
  DISABILITY_RATES,
  DISABILITY_TYPES,
  DURATION_UNITS,
  FAMILY_RELATIONSHIPS,
  HUMAN_HELP,
  VACCINE_ADMINISTRATIONS,
  choiceLabel,
} from "./entries";
import { type PartialDate, formatPartialDate } from "./partial-date";
import type { ProfileItem } from "./queries";

/*
 * The words an item of the profile is shown in, shared by the profile page and the synthesis
 * (lib/medical-profile/synthesis.ts) so that both say the same thing.
 */

function describePeriod(start: PartialDate | null, end: PartialDate | null, isOngoing: boolean): string | null {
  if (!start) return isOngoing ? "En cours" : null;
  if (end) return `Du ${formatPartialDate(start)} au ${formatPartialDate(end)}`;
  return isOngoing ? `Depuis ${formatPartialDate(start)}, en cours` : `Début : ${formatPartialDate(start)}`;
}

function describeDuration(item: ProfileItem): string | null {
  if (item.durationValue === null || !item.durationUnit) return null;
  return `Durée : ${item.durationValue} ${choiceLabel(DURATION_UNITS, item.durationUnit)}`;
}

/** The facts of one item, each on its line, in the words of its form. */
export function itemLines(item: ProfileItem): string[] {
  const lines: (string | null)[] = [];
  switch (item.section) {
    case "illness":
    case "treatment":
      if (item.dosage) lines.push(`Posologie : ${item.dosage}`);
      lines.push(describePeriod(item.start, item.end, item.isOngoing));
      break;
    case "hospitalisation":
      lines.push(item.start ? `Date : ${formatPartialDate(item.start)}` : null, describeDuration(item));
      break;
    case "disability":
      if (item.disabilityTypes?.length) lines.push(`Type : ${item.disabilityTypes.map((type) => choiceLabel(DISABILITY_TYPES, type)).join(", ")}`);
      if (item.disabilityRate) lines.push(`Taux d'incapacité : ${choiceLabel(DISABILITY_RATES, item.disabilityRate)}`);
      if (item.technicalHelp) lines.push(`Aide technique : ${item.technicalHelp}`);
      if (item.humanHelp) lines.push(`Aide humaine : ${choiceLabel(HUMAN_HELP, item.humanHelp)}`);
      break;
    case "family-history":
      if (item.familyRelationship) lines.push(`Lien de parenté : ${choiceLabel(FAMILY_RELATIONSHIPS, item.familyRelationship)}`);
      break;
    case "vaccination":
      if (item.start) lines.push(`Date : ${formatPartialDate(item.start)}`);
      if (item.vaccineAdministration) lines.push(`Type d'administration : ${choiceLabel(VACCINE_ADMINISTRATIONS, item.vaccineAdministration)}`);
      if (item.lotNumber) lines.push(`Numéro de lot : ${item.lotNumber}`);
      if (item.performer) lines.push(`Vaccinateur : ${item.performer}`);
      break;
    case "allergy":
      break;
  }
  return lines.filter((line): line is string => line !== null);
}
