import type { Metadata } from "next";
import { FlowExpired } from "@/components/enrolment/flow-expired";
import { OppositionConfirmationForm } from "@/components/enrolment/opposition-confirmation-form";
import { findActivationState } from "@/lib/enrolment/activation";
import { readFlowToken } from "@/lib/enrolment/flow-cookie";
import { oppositionConsequence, oppositionQuestion } from "@/lib/enrolment/messages";
import { confirmOppositionAction } from "../../choix/actions";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Confirmer l'opposition" };

export default async function OppositionConfirmationPage() {
  const state = await findActivationState(await readFlowToken(), new Date());
  if (!state) return <FlowExpired title={oppositionQuestion} />;
  return (
    <>
      <PageTitle>{oppositionQuestion}</PageTitle>
      <p className="mt-4">{oppositionConsequence}</p>
      <OppositionConfirmationForm action={confirmOppositionAction} />
    </>
  );
}
