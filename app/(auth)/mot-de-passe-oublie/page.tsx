import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { IdentityForm } from "@/components/enrolment/identity-form";
import { Alert } from "@/components/ui/alert";
import { expiredResetMessage } from "@/lib/auth/messages";
import { startPasswordResetAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Mot de passe oublié" };

export default async function PasswordResetPage({ searchParams }: { searchParams: Promise<{ motif?: string }> }) {
  const { motif } = await searchParams;
  return (
    <>
      <PageTitle>Mot de passe oublié ?</PageTitle>
      {motif === "demande-expiree" ? (
        <div className="mt-6">
          <Alert variant="warning" role="status">
            {expiredResetMessage}
          </Alert>
        </div>
      ) : null}
      <p className="mt-4">
        Saisissez les informations de votre carte Vitale. Un code vous sera ensuite envoyé à l&apos;adresse e-mail ou au
        numéro de mobile enregistrés dans votre compte, puis vous choisirez un nouveau mot de passe.
      </p>
      <div className="mt-6">
        <Alert variant="info">
          Changer de mot de passe vous déconnecte de tous vos appareils. Cela ne lève pas un blocage temporaire de la
          connexion, qui prend fin à l&apos;heure indiquée.
        </Alert>
      </div>
      <IdentityForm action={startPasswordResetAction} />
      <p className="mt-8">
        <Link className="font-semibold text-brand-700 underline" href="/connexion">
          Revenir à la connexion
        </Link>
      </p>
    </>
  );
}
