import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { formatDateFr } from "@/lib/format";
import type { ProfessionalAccessEntry } from "@/lib/professional-access/authorisations";
import { accessRightsDetailPath } from "@/lib/professional-access/paths";

/**
 * One of the two lists of "Autorisations d'accès": each professional with their profession, since
 * when, whether they are an administrator, what their profession may see (« Détail des droits
 * d'accès » opened on it) and the buttons `actionsOf` gives them.
 */
export function AccessList({
  entries,
  sinceLabel,
  emptyText,
  actionsOf,
}: {
  entries: ProfessionalAccessEntry[];
  sinceLabel: string;
  emptyText: string;
  actionsOf: (entry: ProfessionalAccessEntry) => ReactNode;
}) {
  if (entries.length === 0) return <p className="mt-4 text-slate-700">{emptyText}</p>;
  return (
    <ul className="mt-4 divide-y divide-slate-200 border-y border-slate-200">
      {entries.map((entry) => (
        <li key={entry.accessId} aria-labelledby={`professional-${entry.accessId}`} className="flex flex-wrap items-start justify-between gap-4 py-4">
          <div>
            <p id={`professional-${entry.accessId}`} className="font-semibold text-slate-900">
              {entry.fullName}
            </p>
            <p className="text-slate-700">
              {entry.profession}
              {entry.specialty ? ` — ${entry.specialty}` : ""}
            </p>
            <p className="text-slate-700">
              {sinceLabel} {formatDateFr(entry.since)}
            </p>
            {entry.isAdministrator ? <p className="font-semibold text-brand-900">Administrateur de votre profil</p> : null}
            <p className="mt-1 text-slate-700">
              Ce professionnel a des droits d&apos;accès définis selon sa profession.{" "}
              {/* The page's own link has the same words: this one names the profession it opens on. */}
              <Link
                href={accessRightsDetailPath(entry.professionCode)}
                aria-label={`Détail des droits d'accès : ${entry.profession}`}
                className="text-brand-700 underline"
              >
                Détail des droits d&apos;accès
              </Link>
            </p>
          </div>
          <div className="flex flex-wrap gap-2">{actionsOf(entry)}</div>
        </li>
      ))}
    </ul>
  );
}
