import type { Metadata } from "next";
import { AddMeasurementForm } from "@/components/measurements/add-measurement-form";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { formatDateFr, formatTimeFr } from "@/lib/format";
import { findMeasureKindBySlug } from "@/lib/medical-profile/measures";
import { ADD_MEASUREMENT_PATH, MEASUREMENTS_PATH } from "@/lib/medical-profile/measures-paths";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { addMeasurementAction } from "./actions";

export const metadata: Metadata = { title: "Ajouter une mesure" };

type AddMeasurementPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AddMeasurementPage({ searchParams }: AddMeasurementPageProps) {
  await requireOnboardedActor();
  const { type } = await searchParams;
  // Only a known type is kept from the address; anything else starts with no type chosen.
  const initialSlug = typeof type === "string" && findMeasureKindBySlug(type) ? type : "";
  const now = new Date();
  return (
    <>
      <p>
        <Link href={MEASUREMENTS_PATH} className="text-brand-700 underline">
          Retour à mes mesures
        </Link>
      </p>
      <PageTitle className="mt-4">Ajouter une mesure</PageTitle>
      <p className="mt-4">Les mesures que vous ajoutez ne sont pas visibles par les professionnels de santé.</p>
      <AddMeasurementForm
        action={addMeasurementAction}
        initialSlug={initialSlug}
        defaultDate={formatDateFr(now)}
        defaultTime={formatTimeFr(now)}
        pagePath={ADD_MEASUREMENT_PATH}
      />
    </>
  );
}
