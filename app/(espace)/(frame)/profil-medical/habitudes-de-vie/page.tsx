import type { Metadata } from "next";
import { LifestyleForm } from "@/components/medical-profile/lifestyle-form";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { findMedicalProfile } from "@/lib/medical-profile/queries";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { saveLifestyleAction } from "../actions";
import { backOf } from "../entry-page";

export const metadata: Metadata = { title: "Habitudes de vie – Profil médical" };

type LifestylePageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LifestylePage({ searchParams }: LifestylePageProps) {
  const actor = await requireOnboardedActor();
  const { lifestyle } = await findMedicalProfile({ actor });
  const back = backOf(await searchParams);
  return (
    <>
      <p>
        <Link href={back === "completer" ? "/profil-medical/completer" : "/profil-medical#habitudes-de-vie"} className="text-brand-700 underline">
          <span aria-hidden="true">← </span>
          {back === "completer" ? "Retour à Compléter mon profil" : "Retour au profil médical"}
        </Link>
      </p>
      <PageTitle className="mt-4">Habitudes de vie</PageTitle>
      <p className="mt-4">Répondez aux questions que vous voulez ; chaque réponse est datée du jour où vous la donnez.</p>
      <LifestyleForm
        current={Object.fromEntries(Object.entries(lifestyle).map(([code, { answer }]) => [code, answer]))}
        back={back}
        action={saveLifestyleAction}
      />
    </>
  );
}
