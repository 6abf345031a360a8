import type { Metadata } from "next";
import { findActivationStep } from "../../activation-step";
import { OppositionConfirmationForm } from "@/components/enrolment/opposition-confirmation-form";
import { oppositionConsequence, oppositionQuestion } from "@/lib/enrolment/messages";
import { confirmOppositionAction } from "../../choix/actions";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Confirmer l'opposition" };

export default async function OppositionConfirmationPage() {
  const step = await findActivationStep(oppositionQuestion, { isAboutOpposition: true });
  if ("refusal" in step) return step.refusal;
  return (
    <>
      <PageTitle>{oppositionQuestion}</PageTitle>
      <p className="mt-4">{oppositionConsequence}</p>
      <OppositionConfirmationForm action={confirmOppositionAction} />
    </>
  );
}
