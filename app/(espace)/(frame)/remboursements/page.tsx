import type { Metadata } from "next";
import { AddToProfileForm } from "@/components/reimbursements/add-to-profile-form";
import { RemainingChargeChart } from "@/components/reimbursements/remaining-charge-chart";
import { StatementFilterForm } from "@/components/reimbursements/statement-filter-form";
import { StatementTable } from "@/components/reimbursements/statement-table";
import { YearTotalsTable } from "@/components/reimbursements/year-totals-table";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { CARE_CATEGORIES, careCategoryLabel } from "@/lib/reimbursements/categories";
import { parseStatementQuery, statementFilterQuery } from "@/lib/reimbursements/filters";
import { formatCents } from "@/lib/reimbursements/money";
import { HEALTH_HISTORY_PATH, REIMBURSEMENTS_EXPORT_PATH, REIMBURSEMENTS_PATH } from "@/lib/reimbursements/paths";
import {
  type RemainingChargeCell,
  findCareYears,
  findRemainingChargeByYearAndCategory,
  findStatementPage,
  findYearTotals,
  statementRules,
} from "@/lib/reimbursements/queries";
import { reimbursementScopeOf } from "@/lib/reimbursements/scope";
import { mayAddToProfile } from "@/lib/reimbursements/writes";
import { addToProfileAction } from "./actions";

export const metadata: Metadata = { title: "Remboursements" };

const categoryOptions = CARE_CATEGORIES.map(({ value, label }) => ({ value, label }));

/** The chart's rows: one per year, the remaining charge in euros under each category present. */
function chartRowsOf(cells: RemainingChargeCell[]) {
  const years = [...new Set(cells.map((cell) => cell.year))];
  const categories = CARE_CATEGORIES.filter((category) => cells.some((cell) => cell.category === category.value));
  const rows = years.map((year) => {
    const row: Record<string, number | string> = { year: String(year) };
    for (const category of categories) {
      const cell = cells.find((candidate) => candidate.year === year && candidate.category === category.value);
      row[category.value] = (cell?.remainingChargeCents ?? 0) / 100;
    }
    return row;
  });
  return { years, categories, rows };
}

type ReimbursementsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReimbursementsPage({ searchParams }: ReimbursementsPageProps) {
  const actor = await requireOnboardedActor();
  const now = new Date();
  const scope = await reimbursementScopeOf(actor, { now, includeChildren: true });
  const query = parseStatementQuery(
    await searchParams,
    scope.beneficiaries.map((beneficiary) => beneficiary.personId),
  );
  const years = await findCareYears(scope);
  const form = (
    <StatementFilterForm
      action={REIMBURSEMENTS_PATH}
      values={query.values}
      fieldErrors={query.status === "invalid" ? query.fieldErrors : undefined}
      yearOptions={years.map((year) => ({ value: String(year), label: String(year) }))}
      categoryOptions={categoryOptions}
      beneficiaryOptions={scope.beneficiaries.map((beneficiary) => ({ value: beneficiary.personId, label: beneficiary.fullName }))}
    />
  );
  const heading = (
    <>
      <PageTitle>Remboursements</PageTitle>
      <p className="mt-4">
        Les soins que l&apos;Assurance Maladie vous a remboursés, avec ce qu&apos;ont payé l&apos;Assurance Maladie et votre complémentaire
        et ce qui est resté à votre charge.
        {scope.beneficiaries.length > 1 ? " Ceux des enfants dont vous êtes le représentant légal y figurent aussi." : ""}
      </p>
      <p className="mt-2">
        <Link href={HEALTH_HISTORY_PATH} className="font-semibold text-brand-700 underline">
          Mon histoire de santé
        </Link>
        <span className="block text-sm text-slate-700">Tous vos soins par catégorie, et qui peut les voir.</span>
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

  const [page, totals, chartCells] = await Promise.all([
    findStatementPage({ scope, filters: query.filters, cursor: query.cursor }),
    findYearTotals({ scope, filters: query.filters }),
    findRemainingChargeByYearAndCategory({ scope, filters: query.filters }),
  ]);
  const filterQuery = statementFilterQuery(query.values);
  const isFiltered = filterQuery !== "";
  const chart = chartRowsOf(chartCells);
  return (
    <>
      {heading}
      {form}
      {page.lines.length === 0 ? (
        <p className="mt-6">{isFiltered ? "Aucun remboursement ne correspond à ces filtres." : "Aucun remboursement transmis par l'Assurance Maladie pour le moment."}</p>
      ) : (
        <>
          <section aria-labelledby="totaux" className="mt-8">
            <h2 id="totaux" className="text-xl font-bold text-brand-900">
              Totaux par année
            </h2>
            <YearTotalsTable totals={totals} caption={`Totaux par année${isFiltered ? " des soins filtrés" : ""}`} />
          </section>
          <section aria-labelledby="graphique" className="mt-8">
            <h2 id="graphique" className="text-xl font-bold text-brand-900">
              Reste à charge par année et par type de soins
            </h2>
            <RemainingChargeChart rows={chart.rows} series={chart.categories.map(({ value, label }) => ({ key: value, label }))} />
            {/* Nothing focusable inside: the region takes the focus, so that the keyboard can scroll it on a phone. */}
            <div role="region" aria-labelledby="graphique-legende" tabIndex={0} className="overflow-x-auto">
              <table className="mt-2 w-full border-collapse text-left">
                <caption id="graphique-legende" className="mb-2 text-left font-semibold text-slate-900">
                  Reste à charge par année et par type de soins (les valeurs du graphique)
                </caption>
                <thead>
                  <tr className="border-b-2 border-slate-400">
                    <th scope="col" className="py-2 pr-4">Type de soins</th>
                    {chart.years.map((year) => (
                      <th key={year} scope="col" className="py-2 pr-4">
                        {year}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {chart.categories.map((category) => (
                    <tr key={category.value} className="border-b border-slate-200">
                      <th scope="row" className="py-2 pr-4">
                        {careCategoryLabel(category.value)}
                      </th>
                      {chart.years.map((year) => (
                        <td key={year} className="py-2 pr-4 whitespace-nowrap">
                          {formatCents(chartCells.find((cell) => cell.year === year && cell.category === category.value)?.remainingChargeCents ?? 0)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="releve" className="mt-8">
            <h2 id="releve" className="text-xl font-bold text-brand-900">
              Relevé des remboursements
            </h2>
            <p className="mt-4">
              <a href={`${REIMBURSEMENTS_EXPORT_PATH}${filterQuery}`} className="font-semibold text-brand-700 underline">
                Exporter (CSV)
              </a>
              <span className="block text-sm text-slate-700">
                {isFiltered ? "Tous les remboursements qui correspondent aux filtres" : "Tous les remboursements"}, dans un fichier pour tableur.
              </span>
            </p>
            <StatementTable
              lines={page.lines}
              caption={`Remboursements${isFiltered ? " filtrés" : ""}, du soin le plus récent au plus ancien (${statementRules.pageSize} par page)`}
              showsBeneficiary={scope.beneficiaries.length > 1}
              actionsOf={(line) =>
                line.personId === scope.subjectPersonId && mayAddToProfile(line) && !line.isMinorSecret ? (
                  <div className="mt-2 flex flex-col gap-2">
                    <AddToProfileForm action={addToProfileAction} lineId={line.id} target="treatment" label="Ajouter à mes traitements" />
                    <AddToProfileForm action={addToProfileAction} lineId={line.id} target="vaccination" label="Ajouter à mes vaccinations" />
                  </div>
                ) : null
              }
            />
            {page.newerCursor || page.olderCursor ? (
              <nav aria-label="Pages du relevé" className="mt-6 flex flex-wrap justify-between gap-4">
                {page.newerCursor ? (
                  <Link href={`${REIMBURSEMENTS_PATH}${statementFilterQuery(query.values, { apres: page.newerCursor })}`} className="text-brand-700 underline">
                    <span aria-hidden="true">← </span>Soins plus récents
                  </Link>
                ) : (
                  <span />
                )}
                {page.olderCursor ? (
                  <Link href={`${REIMBURSEMENTS_PATH}${statementFilterQuery(query.values, { avant: page.olderCursor })}`} className="text-brand-700 underline">
                    Soins plus anciens<span aria-hidden="true"> →</span>
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </section>
        </>
      )}
    </>
  );
}
