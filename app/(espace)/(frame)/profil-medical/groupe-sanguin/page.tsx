import type { Metadata } from "next";
import { BloodGroupForm } from "@/components/medical-profile/blood-group-form";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { PROFESSIONAL_ENTRY_NOTICE } from "@/lib/medical-profile/authorship";
import { BLOOD_GROUPS, choiceLabel } from "@/lib/medical-profile/entries";
import { findMedicalProfile } from "@/lib/medical-profile/queries";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { saveBloodGroupAction } from "../actions";
import { backOf } from "../entry-page";

export const metadata: Metadata = { title: "Groupe sanguin – Profil médical" };

type BloodGroupPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BloodGroupPage({ searchParams }: BloodGroupPageProps) {
  const actor = await requireOnboardedActor();
  const { bloodGroup } = await findMedicalProfile({ actor });
  const back = backOf(await searchParams);
  return (
    <>
      <p>
        <Link href={back === "completer" ? "/profil-medical/completer" : "/profil-medical#groupe-sanguin"} className="text-brand-700 underline">
          <span aria-hidden="true">← </span>
          {back === "completer" ? "Retour à Compléter mon profil" : "Retour au profil médical"}
        </Link>
      </p>
      <PageTitle className="mt-4">Groupe sanguin</PageTitle>
      <p className="mt-4 text-slate-700">Un contrôle du groupe sanguin est toujours fait avant une transfusion.</p>
      {bloodGroup && !bloodGroup.isChangeable ? (
        <>
          <p className="mt-4 font-semibold">{choiceLabel(BLOOD_GROUPS, bloodGroup.value)}</p>
          <p className="mt-2 rounded border-l-4 border-brand-700 bg-brand-50 p-4">{PROFESSIONAL_ENTRY_NOTICE}</p>
        </>
      ) : (
        <BloodGroupForm current={bloodGroup?.value ?? ""} back={back} action={saveBloodGroupAction} />
      )}
    </>
  );
}
