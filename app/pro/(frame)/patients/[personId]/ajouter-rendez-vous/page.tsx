import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProfessionalAppointmentForm } from "@/components/agenda/professional-appointment-form";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { requireProfessional } from "@/lib/access/current-actor";
import { proPatientPath } from "@/lib/professional-access/paths";
import { findPatientFor } from "@/lib/professional-access/reading";
import { addProfessionalAppointmentAction } from "../actions";

export const metadata: Metadata = { title: "Ajouter un rendez-vous à l'agenda du patient" };

type ProAddAppointmentPageProps = { params: Promise<{ personId: string }> };

/**
 * « Ajouter un rendez-vous » to a patient's agenda: an appointment with this professional, which
 * the patient sees with its status and cannot change. Only for a professional professionalMay
 * allows ("add-appointment"); for anyone else the patient is not found.
 */
export default async function ProAddAppointmentPage({ params }: ProAddAppointmentPageProps) {
  const actor = await requireProfessional();
  const { personId } = await params;
  const now = new Date();
  const record = await findPatientFor({ actor, personId, now, request: { kind: "add-appointment" } });
  if (record.status !== "found") notFound();
  return (
    <>
      <PageTitle>Ajouter un rendez-vous</PageTitle>
      <p className="mt-4">
        Agenda de {record.patient.fullName}. Le rendez-vous est avec vous ; le patient le voit avec son statut et ne peut pas le modifier.
        Mon espace santé n&apos;est pas un outil de prise de rendez-vous : le patient n&apos;en est informé que par son agenda et un e-mail la veille.
      </p>
      <ProfessionalAppointmentForm action={addProfessionalAppointmentAction} personId={personId} />
      <p className="mt-8">
        <Link href={proPatientPath(personId)} className="text-brand-700 underline">
          Retour au dossier du patient
        </Link>
      </p>
    </>
  );
}
