import type { Metadata } from "next";
import { findActivationStep } from "../activation-step";
import { TermsForm } from "@/components/enrolment/terms-form";
import { acceptTermsAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Conditions d'utilisation" };
const title = "J'active Mon espace santé";

export default async function TermsPage() {
  const step = await findActivationStep(title);
  if ("refusal" in step) return step.refusal;
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
