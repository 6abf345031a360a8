import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/page-title";
import { findProfessionalActor } from "@/lib/access/current-actor";
import { expiredLoginAttemptMessage, idleLogoutNotice, passwordChangedNotice } from "@/lib/auth/messages";
import { isProSanteConnectConfigured } from "@/lib/auth/pro-sante-connect";
import { proLoginPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Connexion des professionnels de santé" };

const notices: Record<string, { variant: "info" | "success" | "warning"; text: string }> = {
  inactivite: { variant: "info", text: idleLogoutNotice },
  "tentative-expiree": { variant: "warning", text: expiredLoginAttemptMessage },
  "psc-inconnu": {
    variant: "warning",
    text: "Votre connexion Pro Santé Connect a réussi, mais votre numéro RPPS ne figure pas dans l'annuaire des professionnels de Mon espace santé : aucune session n'a été ouverte.",
  },
  "mot-de-passe-modifie": {
    variant: "success",
    text: passwordChangedNotice,
  },
  deconnexion: { variant: "info", text: "Vous êtes déconnecté de l'espace professionnels de santé." },
};

export default async function ProLoginPage({ searchParams }: { searchParams: Promise<{ motif?: string }> }) {
  const { motif } = await searchParams;
  if (await findProfessionalActor()) redirect("/pro");
  const notice = motif ? notices[motif] : undefined;
  return (
    <>
      <PageTitle>Connexion des professionnels de santé</PageTitle>
      {notice ? (
        <div className="mt-6">
          <Alert variant={notice.variant} role="status">
            {notice.text}
          </Alert>
        </div>
      ) : null}
      <p className="mt-4">
        Saisissez l&apos;identifiant et le mot de passe de votre compte professionnel. Un code de connexion vous sera
        ensuite envoyé par e-mail ou par SMS.
      </p>
      <LoginForm
        action={proLoginPasswordAction}
        callbackUrl="/pro"
        recoveryLinks={{ identifier: "/pro/connexion/identifiant-oublie", password: "/pro/connexion/mot-de-passe-oublie" }}
      />
      {isProSanteConnectConfigured() ? (
        <div className="mt-8 border-t border-gray-300 pt-6">
          <p>Vous avez une carte CPS ou l&apos;application e-CPS :</p>
          {/* A plain link, never prefetched: following it starts the OpenID Connect flow. */}
          <a href="/pro/connexion/pro-sante-connect" className={`mt-4 ${buttonClassName({ variant: "secondary" })}`}>
            Se connecter avec Pro Santé Connect
          </a>
        </div>
      ) : null}
    </>
  );
}
