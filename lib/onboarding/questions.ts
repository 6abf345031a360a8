import type { ProfileSection } from "@/lib/medical-profile/sections";

/**
 * The five questions of the first login (SPEC §5), in order. Pure: the pages show them and the
 * server validates against them.
 */
export type MeasureQuestion = {
  kind: "measure";
  step: number;
  /** The form field's name. */
  field: "height" | "weight";
  title: string;
  /** Names the field in the error summary ("Ma taille : …"). */
  fieldLabel: string;
  hint: string;
  /** The unit typed and shown after the field. */
  unit: string;
};

export type ItemsQuestion = {
  kind: "items";
  step: number;
  title: string;
  description: string;
  section: ProfileSection;
  detailsLabel: string;
  detailsHint: string;
  /** Said when "Oui" is chosen without any detail. */
  missingDetailsMessage: string;
};

export type Question = MeasureQuestion | ItemsQuestion;

export const QUESTIONS: Question[] = [
  {
    kind: "measure",
    step: 1,
    field: "height",
    title: "Quelle est ma taille ?",
    fieldLabel: "Ma taille",
    hint: "En mètres, par exemple 1,68.",
    unit: "m",
  },
  {
    kind: "measure",
    step: 2,
    field: "weight",
    title: "Quel est mon poids ?",
    fieldLabel: "Mon poids",
    hint: "En kilogrammes, par exemple 62 ou 62,5.",
    unit: "kg",
  },
  {
    kind: "items",
    step: 3,
    title: "Est-ce que j'ai des maladies ou autres sujets de santé actuels ou passés ?",
    description:
      "Je peux renseigner mes maladies ou autres sujets de santé actuels ou passés (exemples : maladies graves, suivi dentaire, grossesses, douleurs chroniques, opérations) et les partager avec mes professionnels de santé.",
    section: "illness",
    detailsLabel: "Mes maladies ou sujets de santé",
    detailsHint: "Un par ligne, par exemple « Asthme » puis « Opération de l'appendicite en 2015 ».",
    missingDetailsMessage: "Indiquez au moins une maladie ou un sujet de santé, un par ligne, ou répondez « Non ».",
  },
  {
    kind: "items",
    step: 4,
    title: "Est-ce que je prends un traitement ?",
    description:
      "Je peux renseigner l'ensemble de mes traitements (exemples : médicaments, soins, dispositifs médicaux) et les partager avec mes professionnels de santé.",
    section: "treatment",
    detailsLabel: "Mes traitements",
    detailsHint: "Un par ligne, par exemple « Ventoline, 2 bouffées si besoin ».",
    missingDetailsMessage: "Indiquez au moins un traitement, un par ligne, ou répondez « Non ».",
  },
  {
    kind: "items",
    step: 5,
    title: "Est-ce que j'ai des allergies ?",
    description:
      "Je peux décrire mes allergies (exemples : allergies alimentaires, médicamenteuses, intolérances).",
    section: "allergy",
    detailsLabel: "Mes allergies",
    detailsHint: "Une par ligne, par exemple « Pénicilline » puis « Arachides ».",
    missingDetailsMessage: "Indiquez au moins une allergie, une par ligne, ou répondez « Non ».",
  },
];

export const QUESTION_COUNT = QUESTIONS.length;

export function questionAt(step: number): Question {
  const question = QUESTIONS.find((candidate) => candidate.step === step);
  if (!question) throw new RangeError(`no question at step ${step}`);
  return question;
}

/** Each answer line becomes one profile item: keep them to what a line of a list can hold. */
export const MAX_ITEM_LENGTH = 200;
export const MAX_ITEMS_PER_ANSWER = 20;
