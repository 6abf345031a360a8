import type { Metadata } from "next";
import { findActivationStep } from "../activation-step";
import { Link } from "@/components/ui/link";
import { CredentialsForm } from "@/components/enrolment/credentials-form";
import { createAccountAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Créer mon identifiant et mon mot de passe" };
const title = "Je crée mon identifiant et mon mot de passe";

export default async function CredentialsPage() {
  const step = await findActivationStep(title);
  if ("refusal" in step) return step.refusal;
  const { state } = step;
  if (!state.areContactsConfirmed) {
    return (
      <>
        <PageTitle>{title}</PageTitle>
        <p className="mt-6">
          Vérifiez d&apos;abord vos coordonnées de contact :{" "}
          <Link className="text-brand-700 underline" href="/activation/coordonnees">
            revenir à l&apos;étape précédente
          </Link>
          .
        </p>
      </>
    );
  }
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p className="mt-4">
        Vous les utiliserez à chaque connexion, avec un code à usage unique envoyé par e-mail ou par SMS.
      </p>
      <CredentialsForm action={createAccountAction} suggestions={state.identifierSuggestions} />
    </>
  );
}
