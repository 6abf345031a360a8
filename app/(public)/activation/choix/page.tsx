import type { Metadata } from "next";
import { findActivationStep } from "../activation-step";
import { DecisionForm } from "@/components/enrolment/decision-form";
import { chooseDecisionAction, confirmOppositionAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Activer ou s'opposer" };
const title = "Activer ou s'opposer à Mon espace santé";

export default async function DecisionPage() {
  const step = await findActivationStep(title);
  if ("refusal" in step) return step.refusal;
  const { state } = step;
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p className="mt-4">
        Bonjour {state.firstName}, votre code provisoire est validé.
        {state.hasOpposed ? " Vous vous êtes opposé(e) à la création de Mon espace santé ; vous pouvez changer d'avis." : ""}
      </p>
      <DecisionForm action={chooseDecisionAction} confirmOpposition={confirmOppositionAction} hasOpposed={state.hasOpposed} />
    </>
  );
}
