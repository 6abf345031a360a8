import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MeasurementChart } from "@/components/measurements/measurement-chart";
import { MeasurementHistoryTable } from "@/components/measurements/measurement-history-table";
import { MeasurementTargetForm } from "@/components/measurements/measurement-target-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { formatDateTimeFr } from "@/lib/format";
import {
  acceptsTarget,
  BLOOD_PRESSURE,
  describeRange,
  findMeasureKindBySlug,
  formatMeasureNumber,
  formatMeasurement,
  HEIGHT,
  targetRange,
  WEIGHT,
} from "@/lib/medical-profile/measures";
import { addMeasurementPath, MEASUREMENT_STATUS_PARAMETER, MEASUREMENTS_PATH, measurementHistoryPath, measurementStatusMessage } from "@/lib/medical-profile/measures-paths";
import { findMeasurementHistory } from "@/lib/medical-profile/measures-queries";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { deleteMeasurementAction, removeMeasurementTargetAction, setMeasurementTargetAction } from "./actions";

type MeasurementPageProps = {
  params: Promise<{ type: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: MeasurementPageProps): Promise<Metadata> {
  const kind = findMeasureKindBySlug((await params).type);
  return { title: kind ? `${kind.label} – Mes mesures` : "Page introuvable" };
}

export default async function MeasurementPage({ params, searchParams }: MeasurementPageProps) {
  const actor = await requireOnboardedActor();
  const kind = findMeasureKindBySlug((await params).type);
  if (!kind) notFound();
  const status = measurementStatusMessage((await searchParams)[MEASUREMENT_STATUS_PARAMETER]);
  const { points, target } = await findMeasurementHistory({ actor, kind });
  const [latest] = points;
  const isBloodPressure = kind.code === BLOOD_PRESSURE.code;
  const range = targetRange(kind);
  const chartPoints = [...points].reverse().map((point) => ({
    at: point.measuredAt.getTime(),
    primary: kind.toDisplay(point.value),
    secondary: point.diastolicValue === null ? null : kind.toDisplay(point.diastolicValue),
  }));
  const displayedTarget = target === null ? null : kind.toDisplay(target);

  return (
    <>
      <p>
        <Link href={MEASUREMENTS_PATH} className="text-brand-700 underline">
          Retour à mes mesures
        </Link>
      </p>
      <PageTitle className="mt-4">{kind.label}</PageTitle>
      <div role="status" className="mt-4">
        {status ? <Alert variant="success">{status}</Alert> : null}
      </div>

      {kind.isComputed ? (
        <p className="mt-4">
          L&apos;IMC (indice de masse corporelle) est calculé à partir de votre dernière{" "}
          <Link href={measurementHistoryPath(HEIGHT)} className="text-brand-700 underline">
            taille
          </Link>{" "}
          et de votre dernier{" "}
          <Link href={measurementHistoryPath(WEIGHT)} className="text-brand-700 underline">
            poids
          </Link>{" "}
          : le poids divisé par le carré de la taille. Il ne se saisit pas.
        </p>
      ) : (
        <p className="mt-4">
          <ButtonLink href={addMeasurementPath(kind)}>Ajouter une mesure</ButtonLink>
        </p>
      )}

      <section aria-labelledby="derniere-mesure" className="mt-8">
        <h2 id="derniere-mesure" className="text-xl font-bold text-brand-900">
          Dernière mesure
        </h2>
        {latest ? (
          <p className="mt-2">
            <span className="text-xl font-bold text-brand-900">{formatMeasurement(kind, latest.value, latest.diastolicValue)}</span> le{" "}
            {formatDateTimeFr(latest.measuredAt)}
          </p>
        ) : (
          <p className="mt-2 text-slate-700">
            {kind.isComputed ? "Ajoutez une taille et un poids pour voir votre IMC." : "Aucune mesure enregistrée."}
          </p>
        )}
      </section>

      {acceptsTarget(kind) && range ? (
        <section aria-labelledby="objectif" className="mt-8">
          <h2 id="objectif" className="text-xl font-bold text-brand-900">
            Mon objectif
          </h2>
          <p className="mt-2">
            {displayedTarget === null
              ? "Vous n'avez pas fixé d'objectif pour cette mesure. Vous pouvez en choisir un, par exemple avec votre médecin."
              : `Votre objectif : ${formatMeasurement(kind, target!)}.`}
          </p>
          <MeasurementTargetForm
            action={setMeasurementTargetAction}
            slug={kind.slug}
            unit={kind.displayUnit}
            currentTarget={target === null ? "" : formatMeasureNumber(kind, target)}
            hint={`Un nombre ${describeRange(kind, range)}.`}
          />
          {target !== null ? (
            <form action={removeMeasurementTargetAction} className="mt-3">
              <input type="hidden" name="type" value={kind.slug} />
              <SubmitButton variant="secondary">Supprimer l&apos;objectif</SubmitButton>
            </form>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="historique" className="mt-8">
        <h2 id="historique" className="text-xl font-bold text-brand-900">
          Historique
        </h2>
        {points.length === 0 ? (
          <p className="mt-2 text-slate-700">Aucune valeur à afficher pour le moment.</p>
        ) : (
          <>
            <MeasurementChart
              points={chartPoints}
              lineNames={isBloodPressure ? ["Systolique", "Diastolique"] : [kind.label]}
              unit={kind.displayUnit}
              target={displayedTarget}
              minimumFractionDigits={kind.minimumFractionDigits}
              maximumFractionDigits={kind.maximumFractionDigits}
              label={kind.label}
            />
            {target !== null ? (
              <p className="mt-4 font-semibold">
                Objectif : <span className="whitespace-nowrap">{formatMeasurement(kind, target)}</span>
              </p>
            ) : null}
            <MeasurementHistoryTable kind={kind} points={points} deleteAction={deleteMeasurementAction} />
          </>
        )}
      </section>
    </>
  );
}
