import type { Metadata } from "next";
import { AttemptExpired } from "@/components/auth/attempt-expired";
import { NewPasswordForm } from "@/components/auth/new-password-form";
import { PageTitle } from "@/components/ui/page-title";
import { readChallengeToken } from "@/lib/auth/challenge-cookie";
import { expiredResetMessage } from "@/lib/auth/messages";
import { PROFESSIONAL_RECOVERY, isPasswordResetVerified } from "@/lib/auth/recovery";
import { proNewPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Nouveau mot de passe (professionnels de santé)" };

export default async function ProNewPasswordPage() {
  const isVerified = await isPasswordResetVerified(await readChallengeToken("password-reset"), new Date(), PROFESSIONAL_RECOVERY);
  return (
    <>
      <PageTitle>Je choisis un nouveau mot de passe</PageTitle>
      {isVerified ? (
        <>
          <p className="mt-4">
            Une fois votre mot de passe changé, vous serez déconnecté de tous vos appareils et un message de confirmation
            vous sera envoyé.
          </p>
          <NewPasswordForm action={proNewPasswordAction} />
        </>
      ) : (
        <AttemptExpired message={expiredResetMessage} restartHref="/pro/connexion/mot-de-passe-oublie" restartLabel="Recommencer" />
      )}
    </>
  );
}
