/*
 * The words and limits of the online form of "Directives anticipées", kept apart from its zod
 * schema (form.ts): the form's client component imports these, and zod must not reach the
 * browser (its start-up probe for eval() breaks the pages' Content-Security-Policy).
 */

export const DIRECTIVE_VARIANTS = {
  "good-health": "Je pense être en bonne santé",
  "serious-illness": "Je suis atteint d'une maladie grave ou je pense être proche de la fin de ma vie",
} as const;

export type DirectiveVariant = keyof typeof DIRECTIVE_VARIANTS;

export const DIRECTIVE_CHOICES = {
  accept: "J'accepte",
  refuse: "Je refuse",
  undecided: "Je ne me prononce pas",
} as const;

export type DirectiveChoice = keyof typeof DIRECTIVE_CHOICES;

/** The treatments the form asks about, in its order: a choice and an optional precision each. */
export const DIRECTIVE_TREATMENTS = {
  resuscitation: "Réanimation cardio-respiratoire (massage cardiaque, défibrillation)",
  ventilation: "Assistance respiratoire (respiration artificielle, intubation, trachéotomie)",
  dialysis: "Dialyse (rein artificiel)",
  surgery: "Intervention chirurgicale",
  artificialNutrition: "Alimentation et hydratation artificielles",
  deepSedation: "Sédation profonde et continue jusqu'au décès, pour ne pas souffrir",
} as const;

export type DirectiveTreatment = keyof typeof DIRECTIVE_TREATMENTS;

export const directiveLimits = { situation: 3000, precision: 1000, otherWishes: 3000, place: 100 } as const;
