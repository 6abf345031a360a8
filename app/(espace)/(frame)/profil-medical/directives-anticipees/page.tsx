import type { Metadata } from "next";
import { UploadForm } from "@/components/documents/upload-form";
import { AdvanceDirectivesForm } from "@/components/medical-profile/advance-directives-form";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { ADVANCE_DIRECTIVES_UPLOAD_PATH } from "@/lib/advance-directives/paths";
import { MINOR_REFUSAL, findDirectivesPage } from "@/lib/advance-directives/records";
import { ACCEPTED_TYPES_LABEL, ACCEPT_ATTRIBUTE, MAX_DOCUMENT_SIZE_LABEL } from "@/lib/documents/file-types";
import { FILE_TOO_LARGE_MESSAGE, UPLOAD_FIELDS } from "@/lib/documents/upload";
import { formatDateFr } from "@/lib/format";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { saveDirectivesAction } from "./actions";

export const metadata: Metadata = { title: "Directives anticipées" };

type AdvanceDirectivesPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** What the JavaScript-less upload's redirect says went wrong (the script shows the field's own message instead). */
const UPLOAD_REDIRECT_MESSAGES: Record<string, string> = {
  taille: FILE_TOO_LARGE_MESSAGE,
  "1": `Vos directives anticipées n'ont pas été déposées. Vérifiez le fichier (${ACCEPTED_TYPES_LABEL}, ${MAX_DOCUMENT_SIZE_LABEL} au maximum, extension conforme à son contenu).`,
};

export default async function AdvanceDirectivesPage({ searchParams }: AdvanceDirectivesPageProps) {
  const actor = await requireOnboardedActor();
  const errorCode = (await searchParams).erreur;
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
          <h2 className="mt-10 text-xl font-bold text-brand-900">Déposer mes directives anticipées</h2>
          <p className="mt-2 text-slate-700">
            Vous les avez écrites sur papier ou avec un autre modèle ? Déposez le fichier ({ACCEPTED_TYPES_LABEL}, {MAX_DOCUMENT_SIZE_LABEL} au
            maximum) : il devient votre document « Directives anticipées » et remplace la version précédente.
          </p>
          <UploadForm
            action={ADVANCE_DIRECTIVES_UPLOAD_PATH}
            fileField={UPLOAD_FIELDS.file}
            accept={ACCEPT_ATTRIBUTE}
            fileHint={`${ACCEPTED_TYPES_LABEL}, ${MAX_DOCUMENT_SIZE_LABEL} au maximum.`}
            submitLabel="Déposer mes directives"
            initialMessage={typeof errorCode === "string" ? UPLOAD_REDIRECT_MESSAGES[errorCode] : undefined}
          />
        </>
      )}
    </div>
  );
}
