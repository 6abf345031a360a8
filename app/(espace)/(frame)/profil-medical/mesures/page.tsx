import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { formatDateTimeFr } from "@/lib/format";
import { formatMeasurement } from "@/lib/medical-profile/measures";
import { ADD_MEASUREMENT_PATH, measurementHistoryPath } from "@/lib/medical-profile/measures-paths";
import { findMeasurementOverview } from "@/lib/medical-profile/measures-queries";
import { requireOnboardedActor } from "@/lib/onboarding/guard";

export const metadata: Metadata = { title: "Mes mesures" };

/** "Mesures": every type with its latest value, each leading to its history. */
export default async function MeasurementsPage() {
  const actor = await requireOnboardedActor();
  const overview = await findMeasurementOverview({ actor });
  return (
    <>
      <p>
        <Link href="/profil-medical" className="text-brand-700 underline">
          Retour au profil médical
        </Link>
      </p>
      <PageTitle className="mt-4">Mes mesures</PageTitle>
      <p className="mt-4">
        Suivez vos mesures dans le temps. Elles ne sont pas visibles par les professionnels de santé : pour les leur montrer,
        enregistrez une synthèse de votre profil médical dans vos documents.
      </p>
      <p className="mt-4">
        <ButtonLink href={ADD_MEASUREMENT_PATH}>Ajouter une mesure</ButtonLink>
      </p>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2">
        {overview.map(({ kind, latest }) => (
          <li key={kind.code} className="relative rounded-lg border-2 border-slate-300 bg-white p-4 hover:border-brand-700">
            <h2 className="text-lg font-bold">
              <Link
                href={measurementHistoryPath(kind)}
                className="text-brand-700 underline-offset-4 after:absolute after:inset-0 after:content-[''] hover:underline"
              >
                {kind.label}
              </Link>
            </h2>
            {latest ? (
              <p className="mt-1">
                <span className="text-xl font-bold whitespace-nowrap text-brand-900">
                  {formatMeasurement(kind, latest.value, latest.diastolicValue)}
                </span>
                <span className="text-slate-700"> le {formatDateTimeFr(latest.measuredAt)}</span>
              </p>
            ) : (
              <p className="mt-1 text-slate-700">Aucune mesure</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
