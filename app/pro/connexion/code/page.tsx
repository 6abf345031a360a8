import type { Metadata } from "next";
import { AttemptExpired } from "@/components/auth/attempt-expired";
import { CodeStep } from "@/components/auth/code-step";
import { PageTitle } from "@/components/ui/page-title";
import { readChallengeToken } from "@/lib/auth/challenge-cookie";
import { findChallengeContacts } from "@/lib/auth/challenges";
import { expiredLoginAttemptMessage } from "@/lib/auth/messages";
import { proSendLoginCodeAction, proVerifyLoginCodeAction } from "./actions";

export const metadata: Metadata = { title: "Code de connexion" };

export default async function ProLoginCodePage({ searchParams }: { searchParams: Promise<{ envoi?: string }> }) {
  const { envoi } = await searchParams;
  const contacts = await findChallengeContacts(await readChallengeToken("login"), "login", new Date());
  return (
    <>
      <PageTitle>Code de connexion</PageTitle>
      {contacts ? (
        <CodeStep
          contacts={contacts}
          codeName="code de connexion"
          intro="Pour terminer votre connexion, un code à usage unique vous est envoyé. Choisissez où le recevoir parmi les coordonnées enregistrées pour votre compte professionnel."
          sendAction={proSendLoginCodeAction}
          verifyAction={proVerifyLoginCodeAction}
          isResent={envoi === "nouveau"}
          callbackUrl="/pro"
        />
      ) : (
        <AttemptExpired message={expiredLoginAttemptMessage} restartHref="/pro/connexion" restartLabel="Revenir à la connexion" />
      )}
    </>
  );
}
