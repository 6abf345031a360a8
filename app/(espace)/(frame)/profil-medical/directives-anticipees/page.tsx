import type { Metadata } from "next";
import { AdvanceDirectivesForm } from "@/components/medical-profile/advance-directives-form";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { MINOR_REFUSAL, findDirectivesPage } from "@/lib/advance-directives/records";
import { formatDateFr } from "@/lib/format";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { saveDirectivesAction } from "./actions";

export const metadata: Metadata = { title: "Directives anticipées" };

export default async function AdvanceDirectivesPage() {
  const actor = await requireOnboardedActor();
  const directives = await findDirectivesPage({ actor, now: new Date() });
  return (
    <div className="max-w-3xl">
      <p>
        <Link href="/profil-medical#directives-anticipees" className="text-brand-700 underline">
          Retour au profil médical
        </Link>
      </p>
      <PageTitle>Directives anticipées</PageTitle>
      <p className="mt-2 text-slate-700">
        Les directives anticipées disent vos volontés sur les soins en fin de vie, si un jour vous ne pouvez plus les exprimer.
      </p>
      {directives.status === "minor" ? (
        <p className="mt-6 font-semibold text-slate-900">{MINOR_REFUSAL}</p>
      ) : (
        <>
          {directives.current ? (
            <p className="mt-6">
              Vos directives actuelles :{" "}
              <Link href={`/documents/${directives.current.id}`} className="font-semibold text-brand-700 underline">
                {directives.current.title}
              </Link>{" "}
              (document du {formatDateFr(directives.current.documentDate)}
              {directives.current.isHiddenFromProfessionals ? ", masqué aux professionnels de santé" : ", visible par les professionnels de santé autorisés"}
              ). Une nouvelle version les remplacera.
            </p>
          ) : (
            <p className="mt-6">Aucune directive anticipée enregistrée.</p>
          )}
          <h2 className="mt-8 text-xl font-bold text-brand-900">Rédiger mes directives en ligne</h2>
          <AdvanceDirectivesForm action={saveDirectivesAction} />
        </>
      )}
    </div>
  );
}
