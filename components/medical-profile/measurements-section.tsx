import { formatDateFr } from "@/lib/format";
import { formatMeasurement, type MeasureKind } from "@/lib/medical-profile/measures";

export type MeasurementSeriesView = {
  kind: MeasureKind;
  /** Newest first. */
  entries: { id: string; value: number; diastolicValue?: number | null; measuredAt: Date; isHiddenFromProfessionals: boolean }[];
};

const hiddenNote = "masquée aux professionnels de santé";

/** The latest value of each measure, with its earlier values in a disclosure when there are some. */
export function MeasurementsSection({ series }: { series: MeasurementSeriesView[] }) {
  if (series.length === 0) return <p className="mt-3 text-slate-700">Aucune mesure enregistrée.</p>;
  return (
    <ul className="mt-3 space-y-3">
      {series.map(({ kind, entries }) => {
        const [latest, ...earlier] = entries;
        if (!latest) return null;
        return (
          <li key={kind.code} className="rounded-lg border-2 border-slate-300 bg-white p-4">
            <p className="font-semibold text-slate-900">{kind.label}</p>
            <p className="mt-1">
              <span className="text-xl font-bold whitespace-nowrap text-brand-900">{formatMeasurement(kind, latest.value, latest.diastolicValue)}</span>
              <span className="text-slate-700">
                {" "}
                le <time dateTime={latest.measuredAt.toISOString()}>{formatDateFr(latest.measuredAt)}</time>
                {latest.isHiddenFromProfessionals ? ` (${hiddenNote})` : ""}
              </span>
            </p>
            {earlier.length > 0 ? (
              <details className="mt-2">
                <summary className="cursor-pointer text-brand-700 underline">
                  Mesures précédentes ({earlier.length})
                </summary>
                <ul className="mt-2 list-disc space-y-1 pl-6">
                  {earlier.map((entry) => (
                    <li key={entry.id}>
                      {formatMeasurement(kind, entry.value, entry.diastolicValue)} le{" "}
                      <time dateTime={entry.measuredAt.toISOString()}>{formatDateFr(entry.measuredAt)}</time>
                      {entry.isHiddenFromProfessionals ? ` (${hiddenNote})` : ""}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
