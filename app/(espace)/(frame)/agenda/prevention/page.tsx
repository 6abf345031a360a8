import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { AGENDA_PATH, PREVENTION_PATH } from "@/lib/agenda/paths";
import { type PersonPreventiveItem, findPreventiveCalendar } from "@/lib/agenda/preventive";
import { PREVENTIVE_SOURCES, PREVENTIVE_STATUS_LABELS } from "@/lib/agenda/preventive-calendar";
import { formatDateFr, formatLongDateFr, toParisCalendarDate } from "@/lib/format";
import { requireOnboardedActor } from "@/lib/onboarding/guard";

export const metadata: Metadata = { title: "Calendrier de prévention – Agenda" };

const STATUS_MESSAGES: Record<string, string> = {
  "statut-enregistre": "Le statut a été enregistré.",
  "vaccin-ajoute": "Le statut a été enregistré et le vaccin ajouté à vos vaccinations.",
};

function ItemList({ items, labelledBy }: { items: PersonPreventiveItem[]; labelledBy: string }) {
  return (
    <ul aria-labelledby={labelledBy} className="mt-4 divide-y divide-slate-200 border-y border-slate-200">
      {items.map((item) => (
        <li key={item.code} className="py-3">
          <p className="font-semibold text-slate-900">{item.label}</p>
          <p className="mt-1 text-sm text-slate-700">
            {item.kind === "vaccination" ? "Vaccination" : "Examen médical"} {item.ageLabel} · prévu le {formatDateFr(item.dueOn)}
            {item.isMandatory ? " · obligatoire" : " · recommandé"} · <strong>{PREVENTIVE_STATUS_LABELS[item.status]}</strong>
            {item.doneOn ? ` le ${formatDateFr(item.doneOn)}` : ""}
          </p>
          <p className="mt-1">
            <Link href={`${PREVENTION_PATH}/${item.code}`} className="text-brand-700 underline">
              Mettre à jour<span className="sr-only"> : {item.label}, {item.ageLabel}</span>
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}

type PreventionPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The preventive calendar of the subject: what is due this year, next year, and what has passed, each with its status. */
export default async function PreventionPage({ searchParams }: PreventionPageProps) {
  const actor = await requireOnboardedActor();
  const statusCode = (await searchParams).statut;
  const message = typeof statusCode === "string" ? STATUS_MESSAGES[statusCode] : undefined;
  const now = new Date();
  const today = toParisCalendarDate(now);
  const year = today.slice(0, 4);
  const nextYear = String(Number(year) + 1);
  const items = await findPreventiveCalendar({ actor, now });
  const thisYear = items.filter((item) => item.dueOn.startsWith(year));
  const upcoming = items.filter((item) => item.dueOn.startsWith(nextYear));
  const earlier = items.filter((item) => item.dueOn < `${year}-01-01`).reverse();
  return (
    <>
      <p>
        <Link href={AGENDA_PATH} className="text-brand-700 underline">
          <span aria-hidden="true">← </span>Retour à l&apos;agenda
        </Link>
      </p>
      <PageTitle className="mt-4">Calendrier de prévention</PageTitle>
      {message ? (
        <div className="mt-6">
          <Alert variant="success" role="status">
            {message}
          </Alert>
        </div>
      ) : null}
      <p className="mt-4">
        Les vaccinations et les examens médicaux prévus à chaque âge. Vous recevez un e-mail à la date de chacun, sauf si vous l&apos;avez
        désactivé dans vos préférences de notification.
      </p>
      <section aria-labelledby="cette-annee" className="mt-8">
        <h2 id="cette-annee" className="text-xl font-bold text-brand-900">
          Cette année
        </h2>
        {thisYear.length === 0 ? <p className="mt-3 text-slate-700">Rien n&apos;est prévu cette année.</p> : <ItemList items={thisYear} labelledBy="cette-annee" />}
      </section>
      <section aria-labelledby="annee-prochaine" className="mt-8">
        <h2 id="annee-prochaine" className="text-xl font-bold text-brand-900">
          L&apos;année prochaine
        </h2>
        {upcoming.length === 0 ? <p className="mt-3 text-slate-700">Rien n&apos;est prévu l&apos;année prochaine.</p> : <ItemList items={upcoming} labelledBy="annee-prochaine" />}
      </section>
      {earlier.length > 0 ? (
        <section aria-labelledby="annees-precedentes" className="mt-8">
          <h2 id="annees-precedentes" className="text-xl font-bold text-brand-900">
            Années précédentes
          </h2>
          <details className="mt-3">
            <summary className="cursor-pointer font-semibold text-brand-700">Afficher les {earlier.length} échéances passées</summary>
            <ItemList items={earlier} labelledBy="annees-precedentes" />
          </details>
        </section>
      ) : null}
      <section aria-labelledby="sources" className="mt-10">
        <h2 id="sources" className="text-lg font-bold text-brand-900">
          Sources
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-6 text-sm text-slate-700">
          {Object.values(PREVENTIVE_SOURCES).map((source) => (
            <li key={source.title}>
              {source.title}, {source.publisher}, {formatLongDateFr(source.date)}.
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
