import type { preventiveStatusEnum } from "@/db/schema/agenda";

/**
 * The preventive calendar's reference data (SPEC §6 Agenda, reference mes-data-model §4.3): the
 * vaccinations of the French schedule and the 20 mandatory health examinations of a child, each
 * due at an age. Codes are stored (preventive_item_statuses.item_code): a shipped code is never
 * renamed; a new edition of a source adds codes and retires others.
 */

export type PreventiveStatus = (typeof preventiveStatusEnum.enumValues)[number];

export const PREVENTIVE_STATUS_LABELS: Record<PreventiveStatus, string> = {
  to_plan: "À planifier",
  done: "Réalisé",
  not_done: "Non réalisé",
  not_specified: "Non renseigné",
};

export const PREVENTIVE_STATUSES = Object.keys(PREVENTIVE_STATUS_LABELS) as PreventiveStatus[];

export type PreventiveSource = { title: string; publisher: string; date: string };

/** Where each kind of item comes from, and the edition it follows. */
export const PREVENTIVE_SOURCES = {
  vaccination: {
    title: "Calendrier des vaccinations et recommandations vaccinales 2025",
    publisher: "Ministère chargé de la santé",
    date: "2025-04-01",
  },
  "child-exam": {
    title: "Les 20 examens médicaux obligatoires de l'enfant (arrêté du 26 février 2019, carnet de santé de l'enfant)",
    publisher: "Ministère chargé de la santé",
    date: "2019-02-26",
  },
} as const satisfies Record<string, PreventiveSource>;

export type PreventiveKind = keyof typeof PREVENTIVE_SOURCES;

/** An age as the sources write it: months and days after birth (years are 12 months). */
export type Age = { months: number; days?: number };

export type PreventiveItem = {
  code: string;
  kind: PreventiveKind;
  label: string;
  /** The age it is due at, and how the source says it ("à 2 mois", "entre 11 et 13 ans"). */
  dueAge: Age;
  ageLabel: string;
  isMandatory: boolean;
};

const years = (count: number): Age => ({ months: count * 12 });

function vaccination(code: string, label: string, dueAge: Age, ageLabel: string, isMandatory: boolean): PreventiveItem {
  return { code: `vaccination-${code}`, kind: "vaccination", label, dueAge, ageLabel, isMandatory };
}

function childExam(code: string, dueAge: Age, ageLabel: string): PreventiveItem {
  return { code: `child-exam-${code}`, kind: "child-exam", label: `Examen médical ${ageLabel}`, dueAge, ageLabel, isMandatory: true };
}

export const PREVENTIVE_ITEMS: readonly PreventiveItem[] = [
  vaccination("dtcap-hib-hepb-1", "Diphtérie, tétanos, coqueluche, poliomyélite, Haemophilus influenzae b, hépatite B (1re dose)", { months: 2 }, "à 2 mois", true),
  vaccination("pneumococcus-1", "Pneumocoque (1re dose)", { months: 2 }, "à 2 mois", true),
  vaccination("rotavirus-1", "Rotavirus (1re dose)", { months: 2 }, "à 2 mois", false),
  vaccination("meningococcus-b-1", "Méningocoque B (1re dose)", { months: 3 }, "à 3 mois", true),
  vaccination("dtcap-hib-hepb-2", "Diphtérie, tétanos, coqueluche, poliomyélite, Haemophilus influenzae b, hépatite B (2e dose)", { months: 4 }, "à 4 mois", true),
  vaccination("pneumococcus-2", "Pneumocoque (2e dose)", { months: 4 }, "à 4 mois", true),
  vaccination("meningococcus-b-2", "Méningocoque B (2e dose)", { months: 5 }, "à 5 mois", true),
  vaccination("meningococcus-acwy-1", "Méningocoques ACWY (1re dose)", { months: 6 }, "à 6 mois", true),
  vaccination("dtcap-hib-hepb-3", "Diphtérie, tétanos, coqueluche, poliomyélite, Haemophilus influenzae b, hépatite B (rappel)", { months: 11 }, "à 11 mois", true),
  vaccination("pneumococcus-3", "Pneumocoque (rappel)", { months: 11 }, "à 11 mois", true),
  vaccination("mmr-1", "Rougeole, oreillons, rubéole (1re dose)", { months: 12 }, "à 12 mois", true),
  vaccination("meningococcus-acwy-2", "Méningocoques ACWY (rappel)", { months: 12 }, "à 12 mois", true),
  vaccination("meningococcus-b-3", "Méningocoque B (rappel)", { months: 12 }, "à 12 mois", true),
  vaccination("mmr-2", "Rougeole, oreillons, rubéole (2e dose)", { months: 16 }, "entre 16 et 18 mois", true),
  vaccination("dtcap-6y", "Diphtérie, tétanos, coqueluche, poliomyélite (rappel)", years(6), "à 6 ans", false),
  vaccination("dtcap-11y", "Diphtérie, tétanos, coqueluche, poliomyélite (rappel)", years(11), "entre 11 et 13 ans", false),
  vaccination("hpv", "Papillomavirus (HPV)", years(11), "entre 11 et 14 ans", false),
  vaccination("meningococcus-acwy-11y", "Méningocoques ACWY (rappel de l'adolescent)", years(11), "entre 11 et 14 ans", false),
  vaccination("dtcap-25y", "Diphtérie, tétanos, coqueluche, poliomyélite (rappel de l'adulte)", years(25), "à 25 ans", false),
  vaccination("dtp-45y", "Diphtérie, tétanos, poliomyélite (rappel)", years(45), "à 45 ans", false),
  vaccination("dtp-65y", "Diphtérie, tétanos, poliomyélite (rappel)", years(65), "à 65 ans", false),
  vaccination("influenza-65y", "Grippe saisonnière (chaque automne à partir de 65 ans)", years(65), "à partir de 65 ans", false),
  vaccination("pneumococcus-65y", "Pneumocoque (adulte de 65 ans et plus)", years(65), "à 65 ans", false),
  vaccination("shingles-65y", "Zona", years(65), "à partir de 65 ans", false),
  vaccination("dtp-75y", "Diphtérie, tétanos, poliomyélite (rappel)", years(75), "à 75 ans", false),
  vaccination("dtp-85y", "Diphtérie, tétanos, poliomyélite (rappel)", years(85), "à 85 ans", false),
  childExam("8-days", { months: 0, days: 8 }, "dans les 8 jours après la naissance"),
  childExam("2-weeks", { months: 0, days: 14 }, "au cours de la 2e semaine"),
  childExam("1-month", { months: 1 }, "à 1 mois"),
  childExam("2-months", { months: 2 }, "à 2 mois"),
  childExam("3-months", { months: 3 }, "à 3 mois"),
  childExam("4-months", { months: 4 }, "à 4 mois"),
  childExam("5-months", { months: 5 }, "à 5 mois"),
  childExam("6-months", { months: 6 }, "à 6 mois"),
  childExam("9-months", { months: 9 }, "à 9 mois"),
  childExam("12-months", { months: 12 }, "à 12 mois"),
  childExam("13-months", { months: 13 }, "à 13 mois"),
  childExam("16-months", { months: 16 }, "entre 16 et 18 mois"),
  childExam("24-months", { months: 24 }, "à 24 mois"),
  childExam("3-years", years(3), "à 3 ans"),
  childExam("4-years", years(4), "à 4 ans"),
  childExam("5-years", years(5), "à 5 ans"),
  childExam("6-years", years(6), "à 6 ans"),
  childExam("8-years", years(8), "entre 8 et 9 ans"),
  childExam("11-years", years(11), "entre 11 et 13 ans"),
  childExam("15-years", years(15), "entre 15 et 16 ans"),
];

export function findPreventiveItem(code: string): PreventiveItem | undefined {
  return PREVENTIVE_ITEMS.find((item) => item.code === code);
}

/** "YYYY-MM-DD" + an age: the calendar day it is reached (31 January + 1 month: the last day of February). */
export function dateAtAge(birthDate: string, age: Age): string {
  const [year, month, day] = birthDate.split("-").map(Number) as [number, number, number];
  const totalMonths = year * 12 + (month - 1) + age.months;
  const targetYear = Math.floor(totalMonths / 12);
  const targetMonth = totalMonths % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const date = new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay) + (age.days ?? 0)));
  return date.toISOString().slice(0, 10);
}

/** The birth date of whoever reaches `age` on `day`: the preventive job's question "whose item is due today?". */
export function birthDatesReachingAgeOn(day: string, age: Age): string[] {
  // Several birth dates can land on one day (31 and 30 January both reach 1 month on 28 February): try the
  // candidates around the plain subtraction and keep those that land on `day`.
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const totalMonths = year * 12 + (month - 1) - age.months;
  const base = Date.UTC(Math.floor(totalMonths / 12), totalMonths % 12, date - (age.days ?? 0));
  const found = new Set<string>();
  for (let offset = -3; offset <= 3; offset += 1) {
    const candidate = new Date(base + offset * 86_400_000).toISOString().slice(0, 10);
    if (dateAtAge(candidate, age) === day) found.add(candidate);
  }
  return [...found].sort();
}

/** Whether an item is shown for a person: the child's examinations stop at 18, the vaccinations go on. */
export function isItemForPerson(item: PreventiveItem, { birthDate, today }: { birthDate: string; today: string }): boolean {
  if (item.kind === "vaccination") return true;
  return today < dateAtAge(birthDate, years(18));
}

/** A status the person never gave: "à planifier" until the due date, "non renseigné" once it has passed. */
export function defaultStatusOf(dueOn: string, today: string): PreventiveStatus {
  return dueOn >= today ? "to_plan" : "not_specified";
}
