import { formatDateFr, formatTimeFr } from "@/lib/format";
import type { ActivityView } from "@/lib/activity/history";

/**
 * The events of one page as a table with a caption and column headers. On a phone the category
 * moves under the action (its column would not fit 360 px); anything wider still scrolls inside a
 * region the keyboard can reach.
 */
export function ActivityTable({ events, caption }: { events: ActivityView[]; caption: string }) {
  return (
    <div role="region" aria-labelledby="historique-legende" tabIndex={0} className="mt-6 overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption id="historique-legende" className="mb-2 text-left font-semibold text-slate-900">
          {caption}
        </caption>
        <thead>
          <tr className="border-b-2 border-slate-500">
            <th scope="col" className="py-2 pr-3">
              Date
            </th>
            <th scope="col" className="py-2 pr-3">
              Auteur
            </th>
            <th scope="col" className="py-2 pr-3">
              Action
            </th>
            <th scope="col" className="hidden py-2 sm:table-cell">
              Catégorie
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} className="border-b border-slate-300 align-top">
              <td className="py-2 pr-3">
                <time dateTime={event.at.toISOString()}>
                  <span className="whitespace-nowrap">{formatDateFr(event.at)}</span>{" "}
                  <span className="whitespace-nowrap">à {formatTimeFr(event.at)}</span>
                </time>
              </td>
              <td className="py-2 pr-3">
                {/* A long compound name may break anywhere; the words under it keep whole. */}
                <span className="font-semibold [overflow-wrap:anywhere]">{event.actorName}</span>
                <span className="block text-sm text-slate-700">{event.actorKindLabel}</span>
              </td>
              <td className="py-2 pr-3">
                {event.label}
                {/* Acting for oneself goes without saying; acting for someone else is said. */}
                {event.onBehalfOf !== "self" ? (
                  <span className="block text-sm text-slate-700">{event.onBehalfOfLabel}</span>
                ) : null}
                {event.isEmergency ? <strong className="block text-sm text-danger-700">Accès en urgence</strong> : null}
                <span className="block text-sm text-slate-700 sm:hidden">{event.groupLabel}</span>
              </td>
              <td className="hidden py-2 sm:table-cell">{event.groupLabel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
