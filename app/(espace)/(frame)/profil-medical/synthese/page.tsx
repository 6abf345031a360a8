import type { Metadata } from "next";
import { SynthesisForm } from "@/components/medical-profile/synthesis-form";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { getDb } from "@/db/client";
import { isSynthesisVisibilityAsked } from "@/lib/medical-profile/synthesis";
import { NO_SECTION_CHOSEN, SYNTHESIS_FIELDS, SYNTHESIS_SECTION_CHOICES, SYNTHESIS_VISIBILITY_CHOICES } from "@/lib/medical-profile/synthesis-form";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { saveSynthesisAction } from "./actions";

export const metadata: Metadata = { title: "Partager une synthèse" };

export default async function SynthesisPage() {
  const actor = await requireOnboardedActor();
  const isVisibilityAsked = await isSynthesisVisibilityAsked(getDb(), actor);
  return (
    <div className="max-w-3xl">
      <p>
        <Link href="/profil-medical" className="text-brand-700 underline">
          Retour au profil médical
        </Link>
      </p>
      <PageTitle>Partager une synthèse</PageTitle>
      <p className="mt-2 text-slate-700">
        Choisissez les rubriques de votre profil médical à inclure. Les informations que vous avez masquées aux professionnels de
        santé n&apos;y figurent pas.
      </p>
      <SynthesisForm
        downloadPath="/profil-medical/synthese/telecharger"
        sectionChoices={SYNTHESIS_SECTION_CHOICES}
        visibilityChoices={SYNTHESIS_VISIBILITY_CHOICES}
        isVisibilityAsked={isVisibilityAsked}
        fields={SYNTHESIS_FIELDS}
        messages={{ noSection: NO_SECTION_CHOSEN }}
        action={saveSynthesisAction}
      />
    </div>
  );
}
