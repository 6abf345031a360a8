import { DeleteMeasurementForm } from "@/components/measurements/delete-measurement-form";
import { formatDateFr, formatTimeFr } from "@/lib/format";
import { describeMeasurementAuthor } from "@/lib/medical-profile/measures-access";
import { BLOOD_PRESSURE, formatMeasureNumber, formatMeasurement, type MeasureKind } from "@/lib/medical-profile/measures";
import type { MeasurementPoint } from "@/lib/medical-profile/measures-queries";

type MeasurementHistoryTableProps = {
  kind: MeasureKind;
  /** Newest first. */
  points: MeasurementPoint[];
  deleteAction: (formData: FormData) => Promise<void>;
};

const cellClassName = "border-b border-slate-300 px-3 py-2 text-left align-top";

/**
 * A measure's history as a table captioned by the measure's name (SPEC §9): the same values as
 * its chart, for anyone who does not see the chart. Blood pressure has a column per pressure.
 */
export function MeasurementHistoryTable({ kind, points, deleteAction }: MeasurementHistoryTableProps) {
  const isBloodPressure = kind.code === BLOOD_PRESSURE.code;
  const hasActions = points.some((point) => point.mayDelete);
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full border-collapse text-base">
        <caption className="mb-2 text-left text-lg font-bold text-brand-900">{kind.label}</caption>
        <thead>
          <tr className="bg-slate-100">
            <th scope="col" className={cellClassName}>
              Date
            </th>
            <th scope="col" className={cellClassName}>
              Heure
            </th>
            {isBloodPressure ? (
              <>
                <th scope="col" className={cellClassName}>
                  Systolique ({kind.displayUnit})
                </th>
                <th scope="col" className={cellClassName}>
                  Diastolique ({kind.displayUnit})
                </th>
              </>
            ) : (
              <th scope="col" className={cellClassName}>
                Valeur
              </th>
            )}
            <th scope="col" className={cellClassName}>
              Source
            </th>
            {hasActions ? (
              <th scope="col" className={cellClassName}>
                Action
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {points.map((point) => {
            const date = formatDateFr(point.measuredAt);
            const time = formatTimeFr(point.measuredAt);
            return (
              <tr key={point.id ?? point.measuredAt.toISOString()}>
                <td className={cellClassName}>
                  <time dateTime={point.measuredAt.toISOString()}>{date}</time>
                </td>
                <td className={cellClassName}>{time}</td>
                {isBloodPressure ? (
                  <>
                    <td className={cellClassName}>{formatMeasureNumber(kind, point.value)}</td>
                    <td className={cellClassName}>{point.diastolicValue === null ? "–" : formatMeasureNumber(kind, point.diastolicValue)}</td>
                  </>
                ) : (
                  <td className={`${cellClassName} whitespace-nowrap`}>{formatMeasurement(kind, point.value)}</td>
                )}
                <td className={cellClassName}>
                  {kind.isComputed ? "Calculé" : (describeMeasurementAuthor(point.authorKind, point.authorName) ?? "Vous")}
                </td>
                {hasActions ? (
                  <td className={cellClassName}>
                    {point.mayDelete && point.id ? (
                      <DeleteMeasurementForm action={deleteAction} measurementId={point.id} slug={kind.slug} description={`la mesure du ${date} à ${time}`} />
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
