import type { Metadata } from "next";
import { SubmitButton } from "@/components/forms/submit-button";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { ENTRY_FORMS } from "@/lib/medical-profile/entries";
import { findEmptySections, findMedicalProfile } from "@/lib/medical-profile/queries";
import { type ProfileSectionKey, isEntrySection, profileSectionInfo } from "@/lib/medical-profile/sections";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { declareNotConcernedAction } from "../actions";

export const metadata: Metadata = { title: "Compléter mon profil – Profil médical" };

/** Where a section is filled in, opened from here (the form comes back here once saved). */
function fillPath(key: ProfileSectionKey): { href: string; label: string } {
  const info = profileSectionInfo(key);
  if (isEntrySection(key)) return { href: `/profil-medical/${info.anchor}/ajouter?retour=completer`, label: ENTRY_FORMS[key].addTitle };
  switch (key) {
    case "blood-group":
      return { href: "/profil-medical/groupe-sanguin?retour=completer", label: "Renseigner mon groupe sanguin" };
    case "lifestyle":
      return { href: "/profil-medical/habitudes-de-vie?retour=completer", label: "Renseigner mes habitudes de vie" };
    case "measurements":
      return { href: "/profil-medical/mesures", label: "Ajouter une mesure" };
    case "advance-directives":
      return { href: "/profil-medical/directives-anticipees", label: "Rédiger ou déposer mes directives anticipées" };
    default:
      return { href: `/profil-medical#${info.anchor}`, label: `Aller à ${info.title}` };
  }
}

export default async function CompleteProfilePage() {
  const actor = await requireOnboardedActor();
  const empty = findEmptySections(await findMedicalProfile({ actor }));
  return (
    <>
      <p>
        <Link href="/profil-medical" className="text-brand-700 underline">
          <span aria-hidden="true">← </span>Retour au profil médical
        </Link>
      </p>
      <PageTitle className="mt-4">Compléter mon profil</PageTitle>
      {empty.length === 0 ? (
        <p className="mt-4">Toutes les rubriques de votre profil médical sont renseignées. Merci !</p>
      ) : (
        <>
          <p className="mt-4">
            {empty.length === 1 ? "Une rubrique de votre profil médical est encore vide" : `${empty.length} rubriques de votre profil médical sont encore vides`} :
            renseignez-la ou dites que vous n&apos;êtes pas concerné.
          </p>
          <ul className="mt-6 space-y-4">
            {empty.map((key) => {
              const info = profileSectionInfo(key);
              const fill = fillPath(key);
              return (
                <li key={key} className="rounded-lg border-2 border-slate-300 bg-white p-4">
                  <h2 className="text-lg font-bold text-brand-900">{info.title}</h2>
                  <p className="mt-1 text-slate-700">{info.emptyText}</p>
                  <div className="mt-3 flex flex-wrap items-center gap-4">
                    <Link href={fill.href} className="font-semibold text-brand-700 underline">
                      {fill.label}
                    </Link>
                    {info.offersNotConcerned ? (
                      <form action={declareNotConcernedAction}>
                        <input type="hidden" name="section" value={key} />
                        <input type="hidden" name="retour" value="completer" />
                        <SubmitButton variant="secondary">
                          Je ne suis pas concerné<span className="sr-only"> : {info.title}</span>
                        </SubmitButton>
                      </form>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
