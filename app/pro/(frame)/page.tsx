import type { Metadata } from "next";
import { PatientSearchForm } from "@/components/professionals/patient-search-form";
import { PageTitle } from "@/components/ui/page-title";
import { requireProfessional } from "@/lib/access/current-actor";
import { searchPatientAction } from "./actions";

export const metadata: Metadata = { title: "Accueil professionnel" };

/** The /pro home: find a patient's record by NIR (or matricule INS) and birth date. */
export default async function ProHomePage() {
  await requireProfessional();
  return (
    <>
      <PageTitle>Rechercher un patient</PageTitle>
      <p className="mt-4">
        Saisissez le numéro de sécurité sociale (ou le matricule INS) et la date de naissance du patient que vous
        prenez en charge.
      </p>
      <PatientSearchForm action={searchPatientAction} />
    </>
  );
}
