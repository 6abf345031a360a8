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
    </>
  );
}
