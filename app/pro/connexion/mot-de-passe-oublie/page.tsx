import type { Metadata } from "next";
import { ProfessionalRecoveryForm } from "@/components/auth/professional-recovery-form";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { expiredResetMessage } from "@/lib/auth/messages";
import { proStartPasswordResetAction } from "./actions";

export const metadata: Metadata = { title: "Mot de passe oublié (professionnels de santé)" };

export default async function ProPasswordResetPage({ searchParams }: { searchParams: Promise<{ motif?: string }> }) {
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
        Saisissez l&apos;identifiant et le numéro RPPS de votre compte professionnel. Un code vous sera ensuite envoyé à
        l&apos;adresse e-mail ou au numéro de mobile enregistrés pour ce compte, puis vous choisirez un nouveau mot de passe.
      </p>
      <div className="mt-6">
        <Alert variant="info">
          Changer de mot de passe vous déconnecte de tous vos appareils. Cela ne lève pas un blocage temporaire de la
          connexion, qui prend fin à l&apos;heure indiquée.
        </Alert>
      </div>
      <ProfessionalRecoveryForm action={proStartPasswordResetAction} withIdentifier />
      <p className="mt-8">
        <Link className="font-semibold text-brand-700 underline" href="/pro/connexion/identifiant-oublie">
          Identifiant oublié ?
        </Link>
      </p>
      <p className="mt-4">
        <Link className="font-semibold text-brand-700 underline" href="/pro/connexion">
          Revenir à la connexion
        </Link>
      </p>
    </>
  );
}
