import { formatDateFr } from "@/lib/format";
import type { CareEventView } from "@/lib/reimbursements/queries";

/** Care events as a timeline, the latest first: date, category, what, from whom. */
export function CareEventList({ events, labelledBy }: { events: CareEventView[]; labelledBy: string }) {
  return (
    <ol aria-labelledby={labelledBy} className="mt-4 space-y-3 border-l-2 border-brand-700 pl-4">
      {events.map((event) => (
        <li key={event.id}>
          <p className="text-sm font-semibold text-slate-700">
            <time dateTime={event.careDate}>{formatDateFr(event.careDate)}</time> · {event.categoryLabel}
          </p>
          <p className="font-semibold text-slate-900">{event.actLabel}</p>
          <p className="text-sm text-slate-700">{event.providerName ?? "Professionnel de santé non renseigné"}</p>
        </li>
      ))}
    </ol>
  );
}
