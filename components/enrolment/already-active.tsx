import { ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";

export function AlreadyActive({ title }: { title: string }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <div className="mt-6">
        <Alert variant="info">Votre espace Mon espace santé est déjà activé : connectez-vous avec votre identifiant.</Alert>
      </div>
      <p className="mt-6">
        <ButtonLink href="/connexion">Se connecter</ButtonLink>
      </p>
    </>
  );
}
