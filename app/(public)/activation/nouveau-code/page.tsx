import type { Metadata } from "next";
import { IdentityForm } from "@/components/enrolment/identity-form";
import { identifyAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Générer un nouveau code provisoire" };

export default function NewCodePage() {
  return (
    <>
      <PageTitle>Générer un nouveau code provisoire</PageTitle>
      <p className="mt-4">
        Pour recevoir un code provisoire, indiquez les informations connues de votre caisse d&apos;assurance maladie.
        Tous les champs sont obligatoires.
      </p>
      <IdentityForm action={identifyAction} />
      <section aria-labelledby="sans-carte" className="mt-8 rounded border border-slate-200 bg-brand-50 p-4">
        <h2 id="sans-carte" className="text-lg font-semibold text-brand-900">
          Vous n&apos;avez pas de carte Vitale à votre nom ?
        </h2>
        <p className="mt-2">
          C&apos;est souvent le cas d&apos;un enfant inscrit sur la carte Vitale de ses parents. Il n&apos;est alors pas
          possible de demander un code provisoire pour lui : son espace santé sera activé et géré par son représentant
          légal, depuis l&apos;espace santé de ce dernier.
        </p>
      </section>
    </>
  );
}
