import type { Metadata } from "next";
import { CodeStep } from "@/components/auth/code-step";
import { AttemptExpired } from "@/components/auth/attempt-expired";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { readChallengeToken } from "@/lib/auth/challenge-cookie";
import { findChallengeContacts } from "@/lib/auth/challenges";
import { expiredLoginAttemptMessage } from "@/lib/auth/messages";
import { sendLoginCodeAction, verifyLoginCodeAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Code de connexion" };

export default async function LoginCodePage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; envoi?: string }> }) {
  const { callbackUrl: requested, envoi } = await searchParams;
  const callbackUrl = safeCallbackPath(requested);
  const contacts = await findChallengeContacts(await readChallengeToken("login"), "login", new Date());
  return (
    <>
      <PageTitle>Code de connexion</PageTitle>
      {contacts ? (
        <CodeStep
          contacts={contacts}
          codeName="code de connexion"
          intro="Pour terminer votre connexion, un code à usage unique vous est envoyé. Choisissez où le recevoir parmi les coordonnées enregistrées dans votre compte."
          sendAction={sendLoginCodeAction}
          verifyAction={verifyLoginCodeAction}
          isResent={envoi === "nouveau"}
          callbackUrl={callbackUrl}
        />
      ) : (
        <AttemptExpired
          message={expiredLoginAttemptMessage}
          restartHref={`/connexion?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          restartLabel="Revenir à la connexion"
        />
      )}
    </>
  );
}
