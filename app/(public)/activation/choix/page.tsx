import type { Metadata } from "next";
import { AlreadyActive } from "@/components/enrolment/already-active";
import { DecisionForm } from "@/components/enrolment/decision-form";
import { FlowExpired } from "@/components/enrolment/flow-expired";
import { findActivationState } from "@/lib/enrolment/activation";
import { readFlowToken } from "@/lib/enrolment/flow-cookie";
import { chooseDecisionAction, confirmOppositionAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Activer ou s'opposer" };
const title = "Activer ou s'opposer à Mon espace santé";

export default async function DecisionPage() {
  const state = await findActivationState(await readFlowToken(), new Date());
  if (!state) return <FlowExpired title={title} />;
  if (state.spaceStatus === "active") return <AlreadyActive title={title} />;
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
