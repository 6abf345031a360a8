import type { CareCategory, Payee } from "@/db/schema/reimbursements";

/** The categories of care, in the order of the page, with the words the interface and the CSV use. */
export const CARE_CATEGORIES: readonly { value: CareCategory; label: string; fileCode: string }[] = [
  { value: "medical-dental-care", label: "Soins médicaux et dentaires", fileCode: "soins" },
  { value: "medicine-vaccine", label: "Délivrance de médicaments et vaccins", fileCode: "medicaments-vaccins" },
  { value: "biology", label: "Biologie", fileCode: "biologie" },
  { value: "imaging", label: "Radiologie et imagerie", fileCode: "imagerie" },
  { value: "hospital-stay", label: "Hospitalisations", fileCode: "hospitalisation" },
  { value: "medical-device", label: "Dispositifs médicaux", fileCode: "dispositif-medical" },
];

export function careCategoryLabel(category: CareCategory): string {
  return CARE_CATEGORIES.find((candidate) => candidate.value === category)?.label ?? category;
}

export function isCareCategory(value: string): value is CareCategory {
  return CARE_CATEGORIES.some((candidate) => candidate.value === value);
}

export const PAYEES: readonly { value: Payee; label: string; fileCode: string }[] = [
  { value: "insured", label: "Vous (l'assuré)", fileCode: "assure" },
  { value: "professional", label: "Le professionnel de santé", fileCode: "professionnel" },
  { value: "establishment", label: "L'établissement", fileCode: "etablissement" },
];

export function payeeLabel(payee: Payee): string {
  return PAYEES.find((candidate) => candidate.value === payee)?.label ?? payee;
}
