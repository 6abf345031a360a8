import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Alert } from "@/components/ui/alert";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { findActor } from "@/lib/access/current-actor";
import { expiredLoginAttemptMessage, idleLogoutNotice, passwordChangedNotice } from "@/lib/auth/messages";
import { loginPasswordAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Connexion" };

const notices: Record<string, { variant: "info" | "success" | "warning"; text: string }> = {
  inactivite: {
    variant: "info",
    text: idleLogoutNotice,
  },
  "tentative-expiree": { variant: "warning", text: expiredLoginAttemptMessage },
  "mot-de-passe-modifie": {
    variant: "success",
    text: passwordChangedNotice,
  },
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; motif?: string }> }) {
  const { callbackUrl, motif } = await searchParams;
  const destination = safeCallbackPath(callbackUrl);
  if (await findActor()) redirect(destination);
  const notice = motif ? notices[motif] : undefined;
  return (
    <>
      <PageTitle>Connexion à Mon espace santé</PageTitle>
      {notice ? (
        <div className="mt-6">
          <Alert variant={notice.variant} role="status">
            {notice.text}
          </Alert>
        </div>
      ) : null}
      <p className="mt-4">
        Saisissez votre identifiant et votre mot de passe. Un code de connexion vous sera ensuite envoyé par e-mail ou
        par SMS.
      </p>
      <LoginForm action={loginPasswordAction} callbackUrl={destination} />
      <section aria-labelledby="sans-compte" className="mt-10 border-t border-slate-200 pt-6">
        <h2 id="sans-compte" className="text-xl font-semibold text-brand-900">
          Vous n&apos;avez pas encore de compte ?
        </h2>
        <p className="mt-3">
          <Link className="font-semibold text-brand-700 underline" href="/activation">
            Activer Mon espace santé
          </Link>
        </p>
      </section>
    </>
  );
}
