import "server-only";
import { type Executor, getDb } from "@/db/client";
import { onboardingQuestionnaires } from "@/db/schema";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";
import { activityOf, recordActivity } from "@/lib/activity/record";
import { addProfileItems, recordMeasurement } from "@/lib/medical-profile/records";
import type { FieldErrors } from "@/lib/form-state";
import { parseAnswer } from "./answers";
import { QUESTION_COUNT, QUESTIONS } from "./questions";

/** Where a person stands: the question to show next, or finished (answered or skipped through). */
export type QuestionnaireState = { currentStep: number; isCompleted: boolean };

/** What happened to a question that was answered or skipped. */
export type QuestionnaireMove =
  /** The answer was written to the profile and the questionnaire moved on. */
  | { status: "saved"; state: QuestionnaireState }
  /** Nothing was written, the questionnaire moved on. */
  | { status: "skipped"; state: QuestionnaireState }
  /**
   * The question is no longer the current one (a second submit, an old tab, a finished
   * questionnaire): nothing was written; show the current state.
   */
  | { status: "stale"; state: QuestionnaireState };

export type QuestionnaireResult =
  | QuestionnaireMove
  /** Bad input: French messages by field, nothing written. */
  | { status: "invalid"; fieldErrors: FieldErrors };

type QuestionnaireRow = typeof onboardingQuestionnaires.$inferSelect;

const NOT_STARTED: QuestionnaireState = { currentStep: 1, isCompleted: false };

function stateOf(row: QuestionnaireRow): QuestionnaireState {
  return { currentStep: row.currentStep, isCompleted: row.completedAt !== null };
}

/** Where the subject's first-login questionnaire stands. */
export async function findQuestionnaireState({ actor }: { actor: Actor }): Promise<QuestionnaireState> {
  const [row] = await getDb()
    .select()
    .from(onboardingQuestionnaires)
    .where(isOwnedBySubject(actor, onboardingQuestionnaires.personId))
    .limit(1);
  return row ? stateOf(row) : NOT_STARTED;
}

export async function isQuestionnaireCompleted(options: { actor: Actor }): Promise<boolean> {
  return (await findQuestionnaireState(options)).isCompleted;
}

/** The subject's row, created at step 1 if need be, locked until the transaction ends. */
async function lockQuestionnaire(executor: Executor, actor: Actor, now: Date): Promise<QuestionnaireRow> {
  await executor
    .insert(onboardingQuestionnaires)
    .values({ personId: actor.subject.personId, createdAt: now, updatedAt: now })
    .onConflictDoNothing();
  const [row] = await executor
    .select()
    .from(onboardingQuestionnaires)
    .where(isOwnedBySubject(actor, onboardingQuestionnaires.personId))
    .for("update")
    .limit(1);
  if (!row) throw new Error("questionnaire row missing after upsert");
  return row;
}

/** Moves past `step`: to the next question, or finished after the last one. */
async function moveOn(executor: Executor, actor: Actor, step: number, now: Date): Promise<QuestionnaireState> {
  const isLast = step >= QUESTION_COUNT;
  const [row] = await executor
    .update(onboardingQuestionnaires)
    .set(isLast ? { completedAt: now, updatedAt: now } : { currentStep: step + 1, updatedAt: now })
    .where(isOwnedBySubject(actor, onboardingQuestionnaires.personId))
    .returning();
  if (!row) throw new Error("questionnaire row vanished");
  return stateOf(row);
}

async function recordQuestionnaireEvent(
  executor: Executor,
  actor: Actor,
  action: "questionnaire.answered" | "questionnaire.skipped",
  now: Date,
): Promise<void> {
  // The questionnaire row is keyed by its person: the target is the subject's questionnaire.
  await recordActivity(executor, { ...activityOf(actor), action, target: { type: "questionnaire", id: actor.subject.personId }, at: now });
}

function isStepNumber(step: number): boolean {
  return Number.isInteger(step) && step >= 1 && step <= QUESTION_COUNT;
}

/**
 * "Continuer": checks the answer to question `step`, writes it to the person's medical profile
 * and moves on, all in one transaction that holds the person's questionnaire row. A second submit
 * of the same question finds the step already past and writes nothing.
 */
export async function answerQuestion({
  actor,
  step,
  values,
  now,
}: {
  actor: Actor;
  step: number;
  values: Record<string, string | undefined>;
  now: Date;
}): Promise<QuestionnaireResult> {
  const question = QUESTIONS.find((candidate) => candidate.step === step);
  if (!question) return { status: "stale", state: await findQuestionnaireState({ actor }) };
  const parsed = parseAnswer(question, values);
  if (!parsed.success) return { status: "invalid", fieldErrors: parsed.fieldErrors };
  const { answer } = parsed;

  return getDb().transaction(async (tx): Promise<QuestionnaireResult> => {
    const row = await lockQuestionnaire(tx, actor, now);
    if (row.completedAt || row.currentStep !== step) return { status: "stale", state: stateOf(row) };
    if (answer.kind === "measure") {
      await recordMeasurement(tx, { actor, kind: answer.measure, value: answer.value, measuredAt: now, now });
    } else {
      await addProfileItems(tx, { actor, section: answer.section, labels: answer.labels, now });
    }
    const state = await moveOn(tx, actor, step, now);
    await recordQuestionnaireEvent(tx, actor, "questionnaire.answered", now);
    return { status: "saved", state };
  });
}

/** "Passer": moves past question `step` without writing anything to the profile. */
export async function skipQuestion({ actor, step, now }: { actor: Actor; step: number; now: Date }): Promise<QuestionnaireMove> {
  if (!isStepNumber(step)) return { status: "stale", state: await findQuestionnaireState({ actor }) };
  return getDb().transaction(async (tx): Promise<QuestionnaireMove> => {
    const row = await lockQuestionnaire(tx, actor, now);
    if (row.completedAt || row.currentStep !== step) return { status: "stale", state: stateOf(row) };
    const state = await moveOn(tx, actor, step, now);
    await recordQuestionnaireEvent(tx, actor, "questionnaire.skipped", now);
    return { status: "skipped", state };
  });
}
