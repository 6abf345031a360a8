import type { Metadata } from "next";
import { CodeStep } from "@/components/auth/code-step";
import { AttemptExpired } from "@/components/auth/attempt-expired";
import { readChallengeToken } from "@/lib/auth/challenge-cookie";
import { findChallengeContacts } from "@/lib/auth/challenges";
import { expiredResetMessage } from "@/lib/auth/messages";
import { sendResetCodeAction, verifyResetCodeAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Code de vérification" };

export default async function PasswordResetCodePage({ searchParams }: { searchParams: Promise<{ envoi?: string }> }) {
  const { envoi } = await searchParams;
  const contacts = await findChallengeContacts(await readChallengeToken("password-reset"), "password-reset", new Date(), "patient");
  return (
    <>
      <PageTitle>Mot de passe oublié : code de vérification</PageTitle>
      {contacts ? (
        <CodeStep
          contacts={contacts}
          codeName="code de vérification"
          intro="Pour vérifier qu'il s'agit bien de vous, un code vous est envoyé. Choisissez où le recevoir parmi les coordonnées enregistrées dans votre compte."
          sendAction={sendResetCodeAction}
          verifyAction={verifyResetCodeAction}
          isResent={envoi === "nouveau"}
        />
      ) : (
        <AttemptExpired message={expiredResetMessage} restartHref="/mot-de-passe-oublie" restartLabel="Recommencer" />
      )}
    </>
  );
}
