import type { Metadata } from "next";
import { CodeStep } from "@/components/auth/code-step";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { readChallengeToken } from "@/lib/auth/challenge-cookie";
import { findChallengeContacts } from "@/lib/auth/challenges";
import { expiredResetMessage } from "@/lib/auth/messages";
import { sendResetCodeAction, verifyResetCodeAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Code de vérification" };

export default async function PasswordResetCodePage({ searchParams }: { searchParams: Promise<{ envoi?: string }> }) {
  const { envoi } = await searchParams;
  const contacts = await findChallengeContacts(await readChallengeToken("password-reset"), "password-reset", new Date());
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
