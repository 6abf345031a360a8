import type { Metadata } from "next";
import { NewPasswordForm } from "@/components/auth/new-password-form";
import { AttemptExpired } from "@/components/auth/attempt-expired";
import { readChallengeToken } from "@/lib/auth/challenge-cookie";
import { expiredResetMessage } from "@/lib/auth/messages";
import { PATIENT_RECOVERY, isPasswordResetVerified } from "@/lib/auth/recovery";
import { newPasswordAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Nouveau mot de passe" };

export default async function NewPasswordPage() {
  const isVerified = await isPasswordResetVerified(await readChallengeToken("password-reset"), new Date(), PATIENT_RECOVERY);
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
        <AttemptExpired message={expiredResetMessage} restartHref="/mot-de-passe-oublie" restartLabel="Recommencer" />
      )}
    </>
  );
}
