import type { Metadata } from "next";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { DOCUMENT_CATEGORY_LABELS, type DocumentCategory } from "@/lib/documents/categories";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { type DocumentTypeAccess, describeAccessMatrixFor } from "@/lib/professional-access/matrix";
import { ACCESS_RIGHTS_DETAIL_PATH, AUTHORISATIONS_PATH } from "@/lib/professional-access/paths";
import { PROFESSIONS, isProfessionCode, professionLabel } from "@/lib/professionals/professions";

export const metadata: Metadata = { title: "Détail des droits d'accès" };

const professionOptions = PROFESSIONS.map((profession) => ({ value: profession.code, label: profession.label }));

type DetailPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The types grouped by category, in the order of the categories' list. */
function byCategory(types: DocumentTypeAccess[]): [DocumentCategory, DocumentTypeAccess[]][] {
  return (Object.keys(DOCUMENT_CATEGORY_LABELS) as DocumentCategory[])
    .map((category) => [category, types.filter((type) => type.category === category)] as [DocumentCategory, DocumentTypeAccess[]])
    .filter(([, inCategory]) => inCategory.length > 0);
}

function TypeGroups({ id, title, types }: { id: string; title: string; types: DocumentTypeAccess[] }) {
  return (
    <section aria-labelledby={id} className="mt-6">
      <h2 id={id} className="text-xl font-bold text-brand-900">
        {title}
      </h2>
      {types.length === 0 ? <p className="mt-2 text-slate-700">Aucun type de document.</p> : null}
      {byCategory(types).map(([category, inCategory]) => (
        <div key={category} className="mt-4">
          <h3 className="font-semibold text-slate-900">{DOCUMENT_CATEGORY_LABELS[category]}</h3>
          <ul className="mt-1 list-disc pl-6">
            {inCategory.map((type) => (
              <li key={type.code}>{type.label}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** "Détail des droits d'accès": the matrice d'habilitations for one profession, read from the table. */
export default async function AccessRightsDetailPage({ searchParams }: DetailPageProps) {
  await requireOnboardedActor();
  const requested = (await searchParams).profession;
  const professionCode = typeof requested === "string" && isProfessionCode(requested) ? requested : null;
  const isInvalid = typeof requested === "string" && requested !== "" && professionCode === null;
  const detail = professionCode ? await describeAccessMatrixFor(professionCode) : null;
  return (
    <>
      <p>
        <Link href={AUTHORISATIONS_PATH} className="text-brand-700 underline">
          Retour aux autorisations d&apos;accès
        </Link>
      </p>
      <PageTitle className="mt-4">Détail des droits d&apos;accès</PageTitle>
      <p className="mt-4">
        Chaque profession de santé ne peut consulter que certains types de documents (matrice d&apos;habilitations, arrêté du 26
        octobre 2023). Choisissez une profession pour voir ce qu&apos;elle peut consulter.
      </p>
      <form action={ACCESS_RIGHTS_DETAIL_PATH} method="get" className="mt-4 flex flex-wrap items-end gap-4">
        <div className="min-w-64">
          <SelectField
            name="profession"
            label="Profession"
            options={professionOptions}
            defaultValue={professionCode ?? undefined}
            error={isInvalid ? ["Choisissez une profession dans la liste."] : undefined}
          />
        </div>
        <SubmitButton variant="secondary">Afficher</SubmitButton>
      </form>
      {detail && professionCode ? (
        <div aria-live="polite">
          <p className="mt-6 font-semibold">{professionLabel(professionCode)}</p>
          <TypeGroups id="accessible-heading" title="Accessibles" types={detail.accessible} />
          <TypeGroups id="not-accessible-heading" title="Non accessibles" types={detail.notAccessible} />
        </div>
      ) : null}
    </>
  );
}
