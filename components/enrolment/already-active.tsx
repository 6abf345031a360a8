import { ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

export function AlreadyActive({ title }: { title: string }) {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900 sm:text-3xl">{title}</h1>
      <div className="mt-6">
        <Alert variant="info">Votre espace Mon espace santé est déjà activé : connectez-vous avec votre identifiant.</Alert>
      </div>
      <p className="mt-6">
        <ButtonLink href="/connexion">Se connecter</ButtonLink>
      </p>
    </>
  );
}
