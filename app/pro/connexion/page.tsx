import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";
import { findProfessionalActor } from "@/lib/access/current-actor";
import { expiredLoginAttemptMessage } from "@/lib/auth/messages";
import { proLoginPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Connexion des professionnels de santé" };

const notices: Record<string, { variant: "info" | "warning"; text: string }> = {
  "tentative-expiree": { variant: "warning", text: expiredLoginAttemptMessage },
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
      <LoginForm action={proLoginPasswordAction} callbackUrl="/pro" hasRecoveryLinks={false} />
    </>
  );
}
