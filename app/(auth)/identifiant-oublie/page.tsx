import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { IdentityForm } from "@/components/enrolment/identity-form";
import { identifierReminderAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Identifiant oublié" };

export default function IdentifierReminderPage() {
  return (
    <>
      <PageTitle>Identifiant oublié ?</PageTitle>
      <p className="mt-4">
        Saisissez les informations de votre carte Vitale. Si elles correspondent à un compte Mon espace santé, votre
        identifiant vous est envoyé à l&apos;adresse e-mail, ou à défaut au numéro de mobile, enregistrés dans votre
        compte. Il n&apos;est jamais affiché à l&apos;écran.
      </p>
      <IdentityForm action={identifierReminderAction} />
      <p className="mt-8">
        <Link className="font-semibold text-brand-700 underline" href="/connexion">
          Revenir à la connexion
        </Link>
      </p>
    </>
  );
}
