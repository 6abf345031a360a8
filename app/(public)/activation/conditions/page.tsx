import type { Metadata } from "next";
import { AlreadyActive } from "@/components/enrolment/already-active";
import { FlowExpired } from "@/components/enrolment/flow-expired";
import { TermsForm } from "@/components/enrolment/terms-form";
import { findActivationState } from "@/lib/enrolment/activation";
import { readFlowToken } from "@/lib/enrolment/flow-cookie";
import { acceptTermsAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Conditions d'utilisation" };
const title = "J'active Mon espace santé";

export default async function TermsPage() {
  const state = await findActivationState(await readFlowToken(), new Date());
  if (!state) return <FlowExpired title={title} />;
  if (state.spaceStatus === "active") return <AlreadyActive title={title} />;
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p className="mt-4">
        Avant de créer votre compte, prenez connaissance des règles d&apos;utilisation du service et de la façon dont vos
        données sont protégées.
      </p>
      <TermsForm action={acceptTermsAction} />
    </>
  );
}
