import type { Metadata } from "next";
import { DocumentSwitchForm } from "@/components/documents/document-switch-form";
import { SelectField } from "@/components/forms/select-field";
import { CareEventList } from "@/components/reimbursements/care-event-list";
import { buttonClassName } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { CARE_CATEGORIES } from "@/lib/reimbursements/categories";
import { parseStatementQuery, statementFilterQuery } from "@/lib/reimbursements/filters";
import { HEALTH_HISTORY_PATH, REIMBURSEMENTS_PATH } from "@/lib/reimbursements/paths";
import { findCareEventPage, isHealthHistoryHiddenFor } from "@/lib/reimbursements/queries";
import { reimbursementScopeOf } from "@/lib/reimbursements/scope";
import { changeHealthHistoryVisibilityAction } from "../actions";

export const metadata: Metadata = { title: "Mon histoire de santé" };

type HealthHistoryPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** "Mon histoire de santé": the subject's care events from the insurer, by category, and who may see them. */
export default async function HealthHistoryPage({ searchParams }: HealthHistoryPageProps) {
  const actor = await requireOnboardedActor();
  const scope = await reimbursementScopeOf(actor, { now: new Date(), includeChildren: false });
  const query = parseStatementQuery(await searchParams, [scope.subjectPersonId]);
  const category = query.status === "valid" ? query.filters.category : null;
  const cursor = query.status === "valid" && query.cursor?.direction === "older" ? query.cursor : null;
  const [page, isHidden] = await Promise.all([findCareEventPage({ scope, category, cursor }), isHealthHistoryHiddenFor(actor)]);
  return (
    <>
      <PageTitle>Mon histoire de santé</PageTitle>
      <p className="mt-4">
        Les soins que l&apos;Assurance Maladie a remboursés : consultations et soins dentaires, médicaments et vaccins délivrés, biologie,
        imagerie, hospitalisations et dispositifs médicaux. Les montants sont dans{" "}
        <Link href={REIMBURSEMENTS_PATH} className="font-semibold text-brand-700 underline">
          Remboursements
        </Link>
        .
      </p>
      <section aria-labelledby="visibilite" className="mt-6 rounded border border-slate-300 p-4">
        <h2 id="visibilite" className="text-lg font-bold text-brand-900">
          Qui peut voir mon histoire de santé
        </h2>
        <p className="mt-2">
          {isHidden
            ? "Ces données sont masquées aux professionnels de santé."
            : "Ces données sont visibles par les professionnels de santé autorisés à accéder à vos documents."}
        </p>
        <div className="mt-3">
          <DocumentSwitchForm
            action={changeHealthHistoryVisibilityAction}
            fields={{ visibility: isHidden ? "visible" : "hidden" }}
            label={isHidden ? "Rendre visible" : "Masquer aux professionnels"}
          />
        </div>
      </section>
      <form method="get" action={HEALTH_HISTORY_PATH} noValidate className="mt-6 flex flex-wrap items-end gap-4">
        <SelectField
          name="categorie"
          label="Type de soins"
          defaultValue={query.values.categorie}
          error={query.status === "invalid" ? query.fieldErrors.categorie : undefined}
          options={[{ value: "", label: "Tous les types de soins" }, ...CARE_CATEGORIES.map(({ value, label }) => ({ value, label }))]}
        />
        <button type="submit" className={buttonClassName()}>
          Filtrer
        </button>
      </form>
      <section aria-labelledby="soins" className="mt-8">
        <h2 id="soins" className="text-xl font-bold text-brand-900">
          {category ? CARE_CATEGORIES.find((candidate) => candidate.value === category)?.label : "Tous mes soins"}
        </h2>
        {page.events.length === 0 ? (
          <p className="mt-4">Aucun soin transmis par l&apos;Assurance Maladie{category ? " pour ce type de soins" : ""}.</p>
        ) : (
          <CareEventList events={page.events} labelledBy="soins" />
        )}
        {page.olderCursor ? (
          <p className="mt-6">
            <Link
              href={`${HEALTH_HISTORY_PATH}${statementFilterQuery({ categorie: query.values.categorie }, { avant: page.olderCursor })}`}
              className="text-brand-700 underline"
            >
              Soins plus anciens<span aria-hidden="true"> →</span>
            </Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
