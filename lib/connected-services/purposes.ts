/**
 * The purposes ("finalités", reference mes-data-model §5.2) a service may ask for: read or write,
 * on measurements, documents or the agenda. Each code is also the OAuth scope that carries it.
 * Pure: shared by the import, the pages, the consent page and the API. Codes are stored: never renamed.
 */
export const PURPOSES = {
  "measurements:read": { label: "Consulter vos mesures", area: "Mesures" },
  "measurements:write": { label: "Ajouter des mesures", area: "Mesures" },
  "documents:read": { label: "Consulter la liste de vos documents", area: "Documents" },
  "documents:write": { label: "Ajouter des documents", area: "Documents" },
  "agenda:read": { label: "Consulter votre agenda", area: "Agenda" },
  "agenda:write": { label: "Ajouter des rendez-vous à votre agenda", area: "Agenda" },
} as const;

export type Purpose = keyof typeof PURPOSES;

export const PURPOSE_CODES = Object.keys(PURPOSES) as Purpose[];

export function isPurpose(value: string): value is Purpose {
  return Object.hasOwn(PURPOSES, value);
}

/** The purposes in the catalogue's order, whatever order they were given in, without duplicates. */
export function sortPurposes(purposes: readonly string[]): Purpose[] {
  return PURPOSE_CODES.filter((code) => purposes.includes(code));
}

/** "measurements:read documents:read" (an OAuth scope string) → the purposes it names, or null if one is unknown. */
export function parseScope(scope: string | readonly string[] | undefined | null): Purpose[] | null {
  const words = typeof scope === "string" ? scope.split(" ").filter(Boolean) : [...(scope ?? [])];
  if (!words.every(isPurpose)) return null;
  return sortPurposes(words);
}

export function purposeLabel(purpose: string): string {
  return isPurpose(purpose) ? PURPOSES[purpose].label : purpose;
}

/** The catalogue's categories (its first filter). */
export const SERVICE_CATEGORIES = {
  "suivi-mesures": "Suivi de mesures et objets connectés",
  "prise-de-rendez-vous": "Prise de rendez-vous",
  "maladie-chronique": "Accompagnement d'une maladie chronique",
  "prevention": "Prévention et bien-être",
  "documents": "Gestion de documents de santé",
} as const;

export type ServiceCategory = keyof typeof SERVICE_CATEGORIES;

export function isServiceCategory(value: string): value is ServiceCategory {
  return Object.hasOwn(SERVICE_CATEGORIES, value);
}

/** The thematics a service may list (the catalogue's second filter). */
export const SERVICE_THEMATICS = {
  diabete: "Diabète",
  cardiologie: "Cardiologie",
  grossesse: "Grossesse et parentalité",
  "activite-physique": "Activité physique",
  nutrition: "Nutrition",
  "sante-mentale": "Santé mentale",
  "soins-courants": "Soins courants",
} as const;

export type ServiceThematic = keyof typeof SERVICE_THEMATICS;

export function isServiceThematic(value: string): value is ServiceThematic {
  return Object.hasOwn(SERVICE_THEMATICS, value);
}

export const SERVICE_STATUS_LABELS = { online: "En ligne", suspended: "Suspendu", delisted: "Déréférencé" } as const;

export const SERVICE_PRICING_LABELS = { free: "Gratuit", paid: "Payant" } as const;
