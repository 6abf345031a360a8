import { measurements, onboardingQuestionnaires, profileItems } from "@/db/schema";
import { HEIGHT, type MeasureKind, WEIGHT, findMeasureKind } from "@/lib/medical-profile/measures";
import type { ProfileSection } from "@/lib/medical-profile/sections";
import { DAY_MS, MINUTE_MS, type TableFamily, later } from "./family";
import type { Random } from "./random";

const QUESTION_COUNT = 5;

const LABELS: Record<"illness" | "treatment" | "allergy", readonly string[]> = {
  illness: ["Hypertension artérielle", "Asthme", "Diabète de type 2", "Hypothyroïdie", "Migraine", "Lombalgie chronique", "Eczéma"],
  treatment: ["Lévothyrox 75 µg", "Ventoline", "Metformine 850 mg", "Amlodipine 5 mg", "Doliprane si besoin", "Pilule contraceptive"],
  allergy: ["Pollens", "Pénicilline", "Acariens", "Arachide", "Poils de chat", "Latex"],
};

/** Kinds some people follow over time (a series of readings), with a plausible range of stored values. */
const FOLLOWED_KINDS: readonly { code: string; low: number; high: number; decimals: number }[] = [
  { code: WEIGHT.code, low: 50, high: 110, decimals: 1 },
  { code: "8867-4", low: 55, high: 95, decimals: 0 },
  { code: "2345-7", low: 70, high: 160, decimals: 0 },
  { code: "8310-5", low: 36.2, high: 38.9, decimals: 1 },
];

function valueBetween(random: Random, low: number, high: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((low + random.next() * (high - low)) * factor) / factor;
}

/**
 * The first-login questionnaire and the medical profile it feeds: most active people finished it
 * (answering some questions, skipping others), some stopped midway, some never logged in. A few
 * follow one measurement over time.
 */
export const medicalProfileFamily: TableFamily = {
  name: "medical-profile",
  addRows(people, rows, { now }) {
    for (const planned of people) {
      const { person, space } = planned;
      if (space.status !== "active" || !space.activatedAt) continue;
      const personId = person.id;
      const random = planned.randomFor("medical-profile");
      const draw = random.next();
      if (draw >= 0.93) continue;
      const isCompleted = draw < 0.85;
      const startedAt = later(space.activatedAt, random.int(5, 90) * MINUTE_MS);
      const currentStep = isCompleted ? QUESTION_COUNT : random.int(1, QUESTION_COUNT + 1);
      const answeredSteps = isCompleted ? QUESTION_COUNT : currentStep - 1;
      const answeredAt = (step: number) => later(startedAt, step * 20_000);
      rows.add(onboardingQuestionnaires, {
        personId,
        currentStep,
        completedAt: isCompleted ? answeredAt(QUESTION_COUNT) : null,
        createdAt: startedAt,
        updatedAt: answeredAt(answeredSteps),
      });

      const measure = (kind: MeasureKind, value: number, measuredAt: Date) =>
        rows.add(measurements, { id: random.uuid(), personId, code: kind.code, value, unit: kind.storedUnit, measuredAt, createdAt: measuredAt, updatedAt: measuredAt });
      const isFemale = person.sex === "F";
      if (answeredSteps >= 1 && random.isChance(0.65)) measure(HEIGHT, isFemale ? random.int(150, 181) : random.int(160, 197), answeredAt(1));
      if (answeredSteps >= 2 && random.isChance(0.6)) measure(WEIGHT, valueBetween(random, isFemale ? 45 : 55, isFemale ? 95 : 115, 1), answeredAt(2));
      const sections: readonly [number, "illness" | "treatment" | "allergy", number][] = [
        [3, "illness", 0.3],
        [4, "treatment", 0.25],
        [5, "allergy", 0.18],
      ];
      for (const [step, section, probability] of sections) {
        if (answeredSteps < step || !random.isChance(probability)) continue;
        const count = random.int(1, 3);
        for (let index = 0; index < count; index += 1) {
          const createdAt = later(answeredAt(step), index);
          rows.add(profileItems, {
            id: random.uuid(),
            personId,
            section: section satisfies ProfileSection,
            label: random.pick(LABELS[section]),
            isHiddenFromProfessionals: random.isChance(0.05),
            createdAt,
            updatedAt: createdAt,
          });
        }
      }

      if (isCompleted && random.isChance(0.12)) {
        const followed = random.pick(FOLLOWED_KINDS);
        const kind = findMeasureKind(followed.code);
        const span = now.getTime() - startedAt.getTime();
        if (!kind || span < DAY_MS) continue;
        const readings = random.int(3, 13);
        for (let index = 0; index < readings; index += 1) {
          measure(kind, valueBetween(random, followed.low, followed.high, followed.decimals), later(startedAt, random.int(0, span)));
        }
      }
    }
  },
};
