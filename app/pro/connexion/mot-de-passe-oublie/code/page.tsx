import type { Metadata } from "next";
import { AttemptExpired } from "@/components/auth/attempt-expired";
import { CodeStep } from "@/components/auth/code-step";
import { PageTitle } from "@/components/ui/page-title";
import { readChallengeToken } from "@/lib/auth/challenge-cookie";
import { findChallengeContacts } from "@/lib/auth/challenges";
import { expiredResetMessage } from "@/lib/auth/messages";
import { proSendResetCodeAction, proVerifyResetCodeAction } from "./actions";

export const metadata: Metadata = { title: "Code de vérification (professionnels de santé)" };

export default async function ProPasswordResetCodePage({ searchParams }: { searchParams: Promise<{ envoi?: string }> }) {
  const { envoi } = await searchParams;
  // Only a reset begun on /pro: a patient's, in the same browser, is no reset here.
  const contacts = await findChallengeContacts(await readChallengeToken("password-reset"), "password-reset", new Date(), "professional");
  return (
    <>
      <PageTitle>Mot de passe oublié : code de vérification</PageTitle>
      {contacts ? (
        <CodeStep
          contacts={contacts}
          codeName="code de vérification"
          intro="Pour vérifier qu'il s'agit bien de vous, un code vous est envoyé. Choisissez où le recevoir parmi les coordonnées enregistrées pour votre compte professionnel."
          sendAction={proSendResetCodeAction}
          verifyAction={proVerifyResetCodeAction}
          isResent={envoi === "nouveau"}
        />
      ) : (
        <AttemptExpired message={expiredResetMessage} restartHref="/pro/connexion/mot-de-passe-oublie" restartLabel="Recommencer" />
      )}
    </>
  );
}
