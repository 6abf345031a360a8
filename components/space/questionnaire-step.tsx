"use client";

import { useActionState, useEffect, useRef, type RefObject } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FieldError, FieldHint, getFieldIds, hasErrors, joinIds } from "@/components/forms/field-parts";
import { type FormState, idleFormState } from "@/lib/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { inputClassName } from "@/components/forms/text-field";
import type { ItemsQuestion, MeasureQuestion, Question } from "@/lib/onboarding/questions";
import { PageTitle } from "@/components/ui/page-title";

type QuestionnaireStepProps = {
  question: Question;
  questionCount: number;
  answerAction: (state: FormState, formData: FormData) => Promise<FormState>;
  skipAction: (formData: FormData) => Promise<void>;
};

/**
 * Set when a question is sent; the next question then takes the focus on its heading, so that a
 * screen reader announces it (the URL does not change between questions).
 */
let hasMovedOn = false;

function markMovingOn() {
  hasMovedOn = true;
}


/** One question of the first-login questionnaire: "Question k sur 5", "Passer", the answer, "Continuer". */
export function QuestionnaireStep({ question, questionCount, answerAction, skipAction }: QuestionnaireStepProps) {
  const [state, formAction] = useActionState(answerAction, idleFormState);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!hasMovedOn) return;
    hasMovedOn = false;
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    // A refused answer keeps this question: the error summary takes the focus instead.
    if (state.status === "error") hasMovedOn = false;
  }, [state]);

  const summaryFields =
    question.kind === "measure"
      ? [{ name: question.field, label: question.fieldLabel }]
      : [
          { name: "answer", label: "Réponse" },
          { name: "details", label: question.detailsLabel },
        ];

  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="font-semibold text-slate-700">
          Question {question.step} sur {questionCount}
        </p>
        <form action={skipAction} onSubmit={markMovingOn} className="[&>button]:w-auto">
          <input type="hidden" name="step" value={question.step} />
          <SubmitButton variant="secondary">
            Passer <span aria-hidden="true">→</span>
          </SubmitButton>
        </form>
      </div>
      <form action={formAction} onSubmit={markMovingOn} noValidate className="group mt-6 space-y-6">
        <input type="hidden" name="step" value={question.step} />
        <ErrorSummary fieldErrors={state.fieldErrors} fields={summaryFields} />
        {question.kind === "measure" ? (
          <MeasureAnswer question={question} state={state} headingRef={headingRef} />
        ) : (
          <ItemsAnswer question={question} state={state} headingRef={headingRef} />
        )}
        <SubmitButton>Continuer</SubmitButton>
      </form>
    </div>
  );
}

type AnswerProps<Q> = { question: Q; state: FormState; headingRef: RefObject<HTMLHeadingElement | null> };

/** The question is the page's heading and the field's label at once (one name, read once). */
function MeasureAnswer({ question, state, headingRef }: AnswerProps<MeasureQuestion>) {
  const { hintId, errorId } = getFieldIds(question.field);
  const error = state.fieldErrors?.[question.field];
  const isInvalid = hasErrors(error);
  return (
    <div>
      <PageTitle ref={headingRef} tabIndex={-1} className="outline-none">
        <label htmlFor={question.field}>{question.title}</label>
      </PageTitle>
      <FieldHint id={hintId}>{question.hint}</FieldHint>
      <FieldError id={errorId} error={error} />
      <div className="mt-3 flex max-w-56 items-center gap-2">
        <input
          id={question.field}
          name={question.field}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={state.values?.[question.field] ?? ""}
          aria-invalid={isInvalid || undefined}
          aria-describedby={joinIds(hintId, isInvalid && errorId)}
          className={inputClassName(isInvalid)}
        />
        <span aria-hidden="true" className="shrink-0 font-semibold text-slate-900">
          {question.unit}
        </span>
      </div>
    </div>
  );
}

const choices = [
  { value: "oui", label: "Oui" },
  { value: "non", label: "Non" },
];

/**
 * Oui / Non, then the details, one item per line, shown once "Oui" is checked. CSS shows them
 * (`:has(:checked)`), so it works before the page's JavaScript has loaded.
 */
function ItemsAnswer({ question, state, headingRef }: AnswerProps<ItemsQuestion>) {
  const headingId = "question";
  const descriptionId = "question-description";
  const answer = getFieldIds("answer");
  const details = getFieldIds("details");
  const answerError = state.fieldErrors?.answer;
  const detailsError = state.fieldErrors?.details;
  const isAnswerInvalid = hasErrors(answerError);
  const isDetailsInvalid = hasErrors(detailsError);
  return (
    <>
      <fieldset
        id="answer"
        role="radiogroup"
        aria-labelledby={headingId}
        aria-describedby={joinIds(descriptionId, isAnswerInvalid && answer.errorId)}
        aria-invalid={isAnswerInvalid || undefined}
      >
        <legend>
          <PageTitle id={headingId} ref={headingRef} tabIndex={-1} className="outline-none">
            {question.title}
          </PageTitle>
        </legend>
        <p id={descriptionId} className="mt-2 text-slate-700">
          {question.description}
        </p>
        <FieldError id={answer.errorId} error={answerError} />
        <div className="mt-3 flex flex-col gap-3 sm:flex-row">
          {choices.map((choice) => (
            <div
              key={choice.value}
              className={[
                "relative flex min-w-32 items-center gap-3 rounded border-2 bg-white p-3",
                "has-checked:border-brand-700 has-checked:bg-brand-50 has-focus-visible:ring-2 has-focus-visible:ring-brand-700",
                isAnswerInvalid ? "border-danger-700" : "border-slate-400",
              ].join(" ")}
            >
              <input
                id={`answer-${choice.value}`}
                type="radio"
                name="answer"
                value={choice.value}
                defaultChecked={state.values?.answer === choice.value}
                // Above the label's stretched overlay, so a click on the radio itself reaches it.
                className="relative z-10 h-6 w-6 shrink-0 accent-brand-700"
              />
              <label
                htmlFor={`answer-${choice.value}`}
                className="font-semibold text-slate-900 after:absolute after:inset-0 after:content-['']"
              >
                {choice.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="hidden group-has-[#answer-oui:checked]:block">
        <label htmlFor="details" className="block font-semibold text-slate-900">
          {question.detailsLabel}
        </label>
        <FieldHint id={details.hintId}>{question.detailsHint}</FieldHint>
        <FieldError id={details.errorId} error={detailsError} />
        <textarea
          id="details"
          name="details"
          rows={5}
          defaultValue={state.values?.details ?? ""}
          aria-invalid={isDetailsInvalid || undefined}
          aria-describedby={joinIds(details.hintId, isDetailsInvalid && details.errorId)}
          className={`${inputClassName(isDetailsInvalid)} mt-2`}
        />
      </div>
    </>
  );
}
