import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { requireProfessional } from "@/lib/access/current-actor";
import { findActivePatientName } from "@/lib/professionals/patient-search";

export const metadata: Metadata = { title: "Dossier du patient" };

/**
 * Where the patient search leads: the patient's name. What the professional may reach of the
 * record (documents, profile, consent) is built on this page by lib/professional-access.
 */
export default async function ProPatientPage({ params }: { params: Promise<{ personId: string }> }) {
  const actor = await requireProfessional();
  const { personId } = await params;
  const name = await findActivePatientName(actor, personId);
  if (!name) notFound();
  return (
    <>
      <PageTitle>{name}</PageTitle>
      <p className="mt-6">
        <Link href="/pro" className="text-brand-700 underline">
          Rechercher un autre patient
        </Link>
      </p>
    </>
  );
}
