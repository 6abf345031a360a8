import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Profil activé" };

export default function ActivationDonePage() {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900 sm:text-3xl">Votre profil a bien été activé</h1>
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
