import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ActivityFilterForm } from "@/components/activity/activity-filter-form";
import { ActivityTable } from "@/components/activity/activity-table";
import { PageTitle } from "@/components/ui/page-title";
import { ACTIVITY_ACTOR_KIND_LABELS, ACTIVITY_GROUP_LABELS } from "@/lib/activity/actions";
import { activityFilterQuery, parseActivityQuery } from "@/lib/activity/filters";
import { activityRules, findActivityPage } from "@/lib/activity/history";
import { requireOnboardedActor } from "@/lib/onboarding/guard";

export const metadata: Metadata = { title: "Historique d'activité" };

const PAGE_PATH = "/historique-activite";
const EXPORT_PATH = "/historique-activite/export";

const actorOptions = Object.entries(ACTIVITY_ACTOR_KIND_LABELS).map(([value, label]) => ({ value, label }));
const groupOptions = Object.entries(ACTIVITY_GROUP_LABELS).map(([value, label]) => ({ value, label }));

type ActivityHistoryPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ActivityHistoryPage({ searchParams }: ActivityHistoryPageProps) {
  const actor = await requireOnboardedActor();
  const query = parseActivityQuery(await searchParams);
  const form = (
    <ActivityFilterForm
      action={PAGE_PATH}
      values={query.values}
      fieldErrors={query.status === "invalid" ? query.fieldErrors : undefined}
      actorOptions={actorOptions}
      groupOptions={groupOptions}
    />
  );
  const heading = (
    <>
      <PageTitle>Historique d&apos;activité</PageTitle>
      <p className="mt-4">
        Tout ce qui a été fait dans votre espace et sur vos données : par vous, par vos professionnels de santé, par les services
        que vous avez connectés et par Mon espace santé. Cet historique ne peut être ni modifié ni effacé.
      </p>
    </>
  );
  if (query.status === "invalid") {
    return (
      <>
        {heading}
        {form}
      </>
    );
  }

  const page = await findActivityPage({ actor, filters: query.filters, cursor: query.cursor });
  const filterQuery = activityFilterQuery(query.values);
  const isFiltered = filterQuery !== "";
  return (
    <>
      {heading}
      {form}
      {page.events.length === 0 ? (
        <p className="mt-6">{isFiltered ? "Aucune activité ne correspond à ces filtres." : "Aucune activité enregistrée pour le moment."}</p>
      ) : (
        <>
          <p className="mt-6">
            <a href={`${EXPORT_PATH}${filterQuery}`} className="font-semibold text-brand-700 underline">
              Exporter (CSV)
            </a>
            <span className="block text-sm text-slate-700">
              {isFiltered ? "Toutes les activités qui correspondent aux filtres" : "Tout l'historique"}, dans un fichier pour tableur.
            </span>
          </p>
          <ActivityTable
            events={page.events}
            caption={`Activités${isFiltered ? " filtrées" : ""}, de la plus récente à la plus ancienne (${activityRules.pageSize} par page)`}
          />
          {page.newerCursor || page.olderCursor ? (
            <nav aria-label="Pages de l'historique" className="mt-6 flex flex-wrap justify-between gap-4">
              {page.newerCursor ? (
                <Link href={`${PAGE_PATH}${activityFilterQuery(query.values, { apres: page.newerCursor })}`} className="text-brand-700 underline">
                  <span aria-hidden="true">← </span>Activités plus récentes
                </Link>
              ) : (
                <span />
              )}
              {page.olderCursor ? (
                <Link href={`${PAGE_PATH}${activityFilterQuery(query.values, { avant: page.olderCursor })}`} className="text-brand-700 underline">
                  Activités plus anciennes<span aria-hidden="true"> →</span>
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
