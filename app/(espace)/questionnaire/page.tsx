import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { QuestionnaireStep } from "@/components/space/questionnaire-step";
import { requireActor } from "@/lib/access/current-actor";
import { findQuestionnaireState } from "@/lib/onboarding/questionnaire";
import { QUESTION_COUNT, questionAt } from "@/lib/onboarding/questions";
import { answerQuestionAction, skipQuestionAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  const state = await findQuestionnaireState({ actor });
  return { title: state.isCompleted ? "Questionnaire" : `Question ${state.currentStep} sur ${QUESTION_COUNT}` };
}

export default async function QuestionnairePage() {
  const actor = await requireActor();
  const state = await findQuestionnaireState({ actor });
  if (state.isCompleted) redirect("/accueil");
  return (
    <>
      {state.currentStep === 1 ? (
        <p className="mb-6 text-lg">
          Bienvenue {actor.subject.firstName} ! Avant d&apos;accéder à votre espace, {QUESTION_COUNT} questions pour commencer
          votre profil médical. Chacune peut être passée ; vos réponses seront à retrouver dans votre profil médical.
        </p>
      ) : null}
      <QuestionnaireStep
        key={state.currentStep}
        question={questionAt(state.currentStep)}
        questionCount={QUESTION_COUNT}
        answerAction={answerQuestionAction}
        skipAction={skipQuestionAction}
      />
    </>
  );
}
