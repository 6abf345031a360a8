import { z } from "zod";
import { HEIGHT, type MeasureKind, metresToCentimetres, parseFrenchDecimal, WEIGHT } from "@/lib/medical-profile/measures";
import type { ProfileSection } from "@/lib/medical-profile/sections";
import type { FieldErrors } from "@/lib/form-state";
import { fieldErrorsOf } from "@/lib/validation";
import { type ItemsQuestion, MAX_ITEM_LENGTH, MAX_ITEMS_PER_ANSWER, type MeasureQuestion, type Question } from "./questions";

/** What an answer writes into the medical profile, already in stored units. */
export type ParsedAnswer =
  | { kind: "measure"; measure: MeasureKind; value: number }
  | { kind: "items"; section: ProfileSection; labels: string[] };

export type AnswerParseResult = { success: true; answer: ParsedAnswer } | { success: false; fieldErrors: FieldErrors };

type MeasureRule = {
  measure: MeasureKind;
  /** Bounds in the unit typed by the person. */
  min: number;
  max: number;
  toStored: (typed: number) => number;
  missing: string;
  notANumber: string;
  outOfRange: (typed: number) => string;
};

const measureRules: Record<MeasureQuestion["field"], MeasureRule> = {
  height: {
    measure: HEIGHT,
    min: 0.3,
    max: 2.5,
    toStored: metresToCentimetres,
    missing: "Saisissez votre taille en mètres, par exemple 1,68, ou passez la question.",
    notANumber: "Saisissez votre taille en chiffres, en mètres, par exemple 1,68.",
    // 168 typed for 1,68 m is the likeliest slip: say how to write it.
    outOfRange: (typed) =>
      typed >= 30 && typed <= 250
        ? `La taille se saisit en mètres : ${formatTyped(typed / 100)} pour ${formatTyped(typed)} cm.`
        : "La taille doit être comprise entre 0,30 m et 2,50 m.",
  },
  weight: {
    measure: WEIGHT,
    min: 1,
    max: 400,
    toStored: (kilograms) => kilograms,
    missing: "Saisissez votre poids en kilogrammes, par exemple 62, ou passez la question.",
    notANumber: "Saisissez votre poids en chiffres, en kilogrammes, par exemple 62,5.",
    outOfRange: () => "Le poids doit être compris entre 1 kg et 400 kg.",
  },
};

function formatTyped(value: number): string {
  return new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 3, useGrouping: false }).format(value);
}

function measureSchema(question: MeasureQuestion) {
  const rule = measureRules[question.field];
  const value = z
    .string({ error: rule.missing })
    .trim()
    .min(1, rule.missing)
    .transform((input, context) => {
      const typed = parseFrenchDecimal(input, question.unit);
      if (typed === null) {
        context.addIssue({ code: "custom", message: rule.notANumber });
        return z.NEVER;
      }
      if (typed < rule.min || typed > rule.max) {
        context.addIssue({ code: "custom", message: rule.outOfRange(typed) });
        return z.NEVER;
      }
      return rule.toStored(typed);
    });
  return z.object({ [question.field]: value }).transform(
    (parsed): ParsedAnswer => ({ kind: "measure", measure: rule.measure, value: parsed[question.field] as number }),
  );
}

const missingChoice = "Répondez « Oui » ou « Non », ou passez la question.";

/** One label per non-empty line, trimmed; a line repeated (whatever its case) counts once. */
export function splitLines(details: string): string[] {
  const seen = new Set<string>();
  const labels: string[] = [];
  for (const line of details.split(/\r?\n/)) {
    const label = line.replace(/\s+/g, " ").trim();
    const key = label.toLocaleLowerCase("fr-FR");
    if (!label || seen.has(key)) continue;
    seen.add(key);
    labels.push(label);
  }
  return labels;
}

function itemsSchema(question: ItemsQuestion) {
  return z
    .object({
      answer: z.enum(["oui", "non"], { error: missingChoice }),
      details: z.string().optional(),
    })
    .transform((parsed, context): ParsedAnswer => {
      if (parsed.answer === "non") return { kind: "items", section: question.section, labels: [] };
      const labels = splitLines(parsed.details ?? "");
      if (labels.length === 0) {
        context.addIssue({ code: "custom", path: ["details"], message: question.missingDetailsMessage });
        return z.NEVER;
      }
      if (labels.length > MAX_ITEMS_PER_ANSWER) {
        context.addIssue({
          code: "custom",
          path: ["details"],
          message: `Indiquez au plus ${MAX_ITEMS_PER_ANSWER} lignes (vous en avez saisi ${labels.length}).`,
        });
        return z.NEVER;
      }
      const tooLong = labels.findIndex((label) => label.length > MAX_ITEM_LENGTH);
      if (tooLong !== -1) {
        context.addIssue({
          code: "custom",
          path: ["details"],
          message: `Chaque ligne peut contenir au plus ${MAX_ITEM_LENGTH} caractères : la ligne ${tooLong + 1} en contient ${labels[tooLong]?.length}.`,
        });
        return z.NEVER;
      }
      return { kind: "items", section: question.section, labels };
    });
}

/**
 * Checks an answer as typed in the form (field name → text) and turns it into what the profile
 * stores; French messages keyed by field otherwise.
 */
export function parseAnswer(question: Question, values: Record<string, string | undefined>): AnswerParseResult {
  const schema = question.kind === "measure" ? measureSchema(question) : itemsSchema(question);
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { success: false, fieldErrors: fieldErrorsOf(parsed.error) };
  return { success: true, answer: parsed.data };
}
