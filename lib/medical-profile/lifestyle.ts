import type { Choice } from "./entries";

/**
 * "Habitudes de vie": a few questions per theme (reference §2.2 `LifestyleSectionEnum`), each
 * answered by one choice. Codes are stored: a shipped code is never renamed.
 */
export type LifestyleQuestion = { code: string; label: string; choices: readonly Choice[] };
export type LifestyleTheme = { code: string; title: string; questions: readonly LifestyleQuestion[] };

const yesNo: readonly Choice[] = [
  { value: "yes", label: "Oui" },
  { value: "no", label: "Non" },
];

export const LIFESTYLE_THEMES: readonly LifestyleTheme[] = [
  {
    code: "FOOD",
    title: "Alimentation",
    questions: [
      {
        code: "FOOD_FRUIT",
        label: "Je mange des fruits et des légumes",
        choices: [
          { value: "daily", label: "Tous les jours" },
          { value: "weekly", label: "Plusieurs fois par semaine" },
          { value: "rarely", label: "Rarement ou jamais" },
        ],
      },
      { code: "FOOD_SALT", label: "Je fais attention à limiter le sel", choices: yesNo },
      { code: "FOOD_SUGAR", label: "Je fais attention à limiter le sucre", choices: yesNo },
    ],
  },
  {
    code: "PHYSICAL_ACTIVITY",
    title: "Activité physique",
    questions: [
      { code: "PHYSICAL_ACTIVITY_REGULARLY", label: "Je pratique une activité physique régulière", choices: yesNo },
      {
        code: "PHYSICAL_ACTIVITY_WEEKLY_TIME",
        label: "Temps d'activité physique par semaine",
        choices: [
          { value: "under-150", label: "Moins de 2 h 30" },
          { value: "150-or-more", label: "2 h 30 ou plus" },
        ],
      },
    ],
  },
  {
    code: "SLEEP",
    title: "Sommeil",
    questions: [
      {
        code: "SLEEP_DURATION",
        label: "Je dors en moyenne, par nuit",
        choices: [
          { value: "under-6", label: "Moins de 6 heures" },
          { value: "6-to-8", label: "De 6 à 8 heures" },
          { value: "over-8", label: "Plus de 8 heures" },
        ],
      },
      { code: "SLEEP_RESTED", label: "Je me sens reposé au réveil", choices: yesNo },
    ],
  },
  {
    code: "SCREEN",
    title: "Écrans",
    questions: [
      {
        code: "SCREEN_DAILY_TIME",
        label: "Temps passé devant les écrans par jour, en dehors du travail",
        choices: [
          { value: "under-2", label: "Moins de 2 heures" },
          { value: "2-to-4", label: "De 2 à 4 heures" },
          { value: "over-4", label: "Plus de 4 heures" },
        ],
      },
    ],
  },
  {
    code: "ALCOHOL",
    title: "Alcool",
    questions: [
      {
        code: "ALCOHOL_FREQUENCY",
        label: "Je bois de l'alcool",
        choices: [
          { value: "never", label: "Jamais" },
          { value: "monthly", label: "Une fois par mois ou moins" },
          { value: "weekly", label: "De 2 à 4 fois par mois" },
          { value: "several-weekly", label: "De 2 à 3 fois par semaine" },
          { value: "daily", label: "4 fois par semaine ou plus" },
        ],
      },
    ],
  },
  {
    code: "TOBACCO",
    title: "Tabac",
    questions: [
      {
        code: "TOBACCO_STATUS",
        label: "Je fume",
        choices: [
          { value: "never", label: "Non, je n'ai jamais fumé" },
          { value: "former", label: "Non, j'ai arrêté" },
          { value: "occasional", label: "Oui, occasionnellement" },
          { value: "daily", label: "Oui, tous les jours" },
        ],
      },
    ],
  },
];

export const LIFESTYLE_QUESTIONS: readonly LifestyleQuestion[] = LIFESTYLE_THEMES.flatMap((theme) => theme.questions);

export function findLifestyleQuestion(code: string): LifestyleQuestion | undefined {
  return LIFESTYLE_QUESTIONS.find((question) => question.code === code);
}

export type LifestyleParseResult =
  | { success: true; answers: { question: string; answer: string }[] }
  | { success: false; fieldErrors: Record<string, string[]> };

/**
 * Reads the lifestyle form (one radio group per question, named by its code). A question left
 * unanswered is left as it was; an answer outside its choices is refused.
 */
export function parseLifestyleAnswers(values: Record<string, string | undefined>): LifestyleParseResult {
  const answers: { question: string; answer: string }[] = [];
  const fieldErrors: Record<string, string[]> = {};
  for (const question of LIFESTYLE_QUESTIONS) {
    const answer = values[question.code];
    if (answer === undefined || answer === "") continue;
    if (question.choices.some((choice) => choice.value === answer)) answers.push({ question: question.code, answer });
    else fieldErrors[question.code] = [`Choisissez une des réponses proposées à « ${question.label} ».`];
  }
  if (Object.keys(fieldErrors).length > 0) return { success: false, fieldErrors };
  if (answers.length === 0) return { success: false, fieldErrors: { [LIFESTYLE_QUESTIONS[0]!.code]: ["Répondez à au moins une question."] } };
  return { success: true, answers };
}
