import type { Metadata } from "next";
import { NewPasswordForm } from "@/components/auth/new-password-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { readChallengeToken } from "@/lib/auth/challenge-cookie";
import { expiredResetMessage } from "@/lib/auth/messages";
import { isPasswordResetVerified } from "@/lib/auth/recovery";
import { newPasswordAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Nouveau mot de passe" };

export default async function NewPasswordPage() {
  const isVerified = await isPasswordResetVerified(await readChallengeToken("password-reset"), new Date());
  return (
    <>
      <PageTitle>Je choisis un nouveau mot de passe</PageTitle>
      {isVerified ? (
        <>
          <p className="mt-4">
            Une fois votre mot de passe changé, vous serez déconnecté de tous vos appareils et un message de confirmation
            vous sera envoyé.
          </p>
          <NewPasswordForm action={newPasswordAction} />
        </>
      ) : (
        <>
          <div className="mt-6">
            <Alert variant="warning">{expiredResetMessage}</Alert>
          </div>
          <p className="mt-6">
            <ButtonLink href="/mot-de-passe-oublie">Recommencer</ButtonLink>
          </p>
        </>
      )}
    </>
  );
}
