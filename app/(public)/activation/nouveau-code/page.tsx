import type { Metadata } from "next";
import { IdentityForm } from "@/components/enrolment/identity-form";
import { identifyAction } from "./actions";

export const metadata: Metadata = { title: "Générer un nouveau code provisoire" };

export default function NewCodePage() {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900 sm:text-3xl">Générer un nouveau code provisoire</h1>
      <p className="mt-4">
        Pour recevoir un code provisoire, indiquez les informations connues de votre caisse d&apos;assurance maladie.
        Tous les champs sont obligatoires.
      </p>
      <IdentityForm action={identifyAction} />
    </>
  );
}
