import type { Metadata } from "next";
import { ProfessionalRecoveryForm } from "@/components/auth/professional-recovery-form";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { proIdentifierReminderAction } from "./actions";

export const metadata: Metadata = { title: "Identifiant oublié (professionnels de santé)" };

export default function ProIdentifierReminderPage() {
  return (
    <>
      <PageTitle>Identifiant oublié ?</PageTitle>
      <p className="mt-4">
        Saisissez votre numéro RPPS. S&apos;il correspond à un compte professionnel, son identifiant est envoyé à
        l&apos;adresse e-mail, ou à défaut au numéro de mobile, enregistrés pour ce compte. Il n&apos;est jamais affiché à
        l&apos;écran.
      </p>
      <ProfessionalRecoveryForm action={proIdentifierReminderAction} withIdentifier={false} />
      <p className="mt-8">
        <Link className="font-semibold text-brand-700 underline" href="/pro/connexion">
          Revenir à la connexion
        </Link>
      </p>
    </>
  );
}
