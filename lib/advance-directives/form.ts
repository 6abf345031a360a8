import { z } from "zod";
import {
  DIRECTIVE_CHOICES,
  DIRECTIVE_TREATMENTS,
  DIRECTIVE_VARIANTS,
  type DirectiveChoice,
  type DirectiveTreatment,
  type DirectiveVariant,
  directiveLimits,
} from "./choices";

/*
 * The online form of "Directives anticipées", after the two models of the public form (Haute
 * Autorité de santé, 2016; reference mes-features "Directives anticipées"): one for a person who
 * thinks they are in good health, one for a person with a serious illness or near the end of life.
 * Both ask the same questions about the treatments a person accepts or refuses when they can no
 * longer say so; the illness model adds the situation the person is in.
 */

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} : ${max} caractères au plus.`)
    .optional()
    .transform((value) => (value ? value : null));

const treatmentFields = Object.fromEntries(
  (Object.keys(DIRECTIVE_TREATMENTS) as DirectiveTreatment[]).flatMap((treatment) => [
    [
      `${treatment}Choice`,
      z.enum(Object.keys(DIRECTIVE_CHOICES) as [DirectiveChoice, ...DirectiveChoice[]], {
        error: "Choisissez une réponse.",
      }),
    ],
    [`${treatment}Precision`, optionalText(directiveLimits.precision, "Précisions")],
  ]),
) as Record<`${DirectiveTreatment}Choice`, z.ZodType<DirectiveChoice>> &
  Record<`${DirectiveTreatment}Precision`, z.ZodType<string | null>>;

/** What the form posts, field by field (names are the form's input names). */
export const advanceDirectivesFormSchema = z
  .object({
    variant: z.enum(Object.keys(DIRECTIVE_VARIANTS) as [DirectiveVariant, ...DirectiveVariant[]], {
      error: "Choisissez le modèle qui correspond à votre situation.",
    }),
    situation: optionalText(directiveLimits.situation, "Ma situation"),
    ...treatmentFields,
    otherWishes: optionalText(directiveLimits.otherWishes, "Mes autres souhaits"),
    place: z
      .string({ error: "Indiquez le lieu où vous rédigez vos directives." })
      .trim()
      .min(1, "Indiquez le lieu où vous rédigez vos directives.")
      .max(directiveLimits.place, `Le lieu : ${directiveLimits.place} caractères au plus.`),
  })
  .superRefine((value, context) => {
    if (value.variant === "serious-illness" && !value.situation) {
      context.addIssue({
        code: "custom",
        path: ["situation"],
        message: "Décrivez votre situation : la maladie dont vous êtes atteint ou ce que vous vivez.",
      });
    }
  });

export type AdvanceDirectivesAnswers = z.output<typeof advanceDirectivesFormSchema>;
