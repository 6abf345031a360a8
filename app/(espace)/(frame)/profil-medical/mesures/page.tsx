import type { Metadata } from "next";
import { MeasurementsSection } from "@/components/medical-profile/measurements-section";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { findMedicalProfile } from "@/lib/medical-profile/queries";
import { requireOnboardedActor } from "@/lib/onboarding/guard";

export const metadata: Metadata = { title: "Mes mesures – Profil médical" };

/*
 * A stand-in so that "Voir mes mesures" leads somewhere on this branch: the measurements' own
 * pages (history, chart, "Ajouter une mesure") replace this file when they are merged.
 */
export default async function MeasurementsPage() {
  const actor = await requireOnboardedActor();
  const { measurements } = await findMedicalProfile({ actor });
  return (
    <>
      <p>
        <Link href="/profil-medical#mesures" className="text-brand-700 underline">
          <span aria-hidden="true">← </span>Retour au profil médical
        </Link>
      </p>
      <PageTitle className="mt-4">Mes mesures</PageTitle>
      <MeasurementsSection series={measurements} />
    </>
  );
}
