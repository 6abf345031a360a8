import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { FlowExpired } from "@/components/enrolment/flow-expired";
import { hasFlowActivated } from "@/lib/enrolment/activation";
import { readFlowToken } from "@/lib/enrolment/flow-cookie";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Profil activé" };

const title = "Votre profil a bien été activé";

export default async function ActivationDonePage() {
  if (!(await hasFlowActivated(await readFlowToken(), new Date()))) return <FlowExpired title={title} />;
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <div className="mt-6">
        <Alert variant="success">
          Bienvenue sur Mon espace santé. Un e-mail de confirmation vous a été envoyé, et un message de bienvenue vous
          attend dans votre messagerie.
        </Alert>
      </div>
      <p className="mt-6">
        Vous pouvez maintenant vous connecter avec votre identifiant et votre mot de passe. À chaque connexion, un code
        d&apos;accès provisoire vous sera envoyé par e-mail ou par SMS.
      </p>
      <p className="mt-6">
        <ButtonLink href="/connexion">Se connecter</ButtonLink>
      </p>
    </>
  );
}
