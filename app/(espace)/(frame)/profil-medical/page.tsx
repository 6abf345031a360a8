import type { Metadata } from "next";
import type { ReactNode } from "react";
import { MeasurementsSection } from "@/components/medical-profile/measurements-section";
import { ProfileItems } from "@/components/medical-profile/profile-items";
import { findMedicalProfile } from "@/lib/medical-profile/queries";
import { MEASUREMENTS_ANCHOR, PROFILE_SECTIONS } from "@/lib/medical-profile/sections";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Profil médical" };

function ProfileSection({ anchor, title, children }: { anchor: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={anchor} className="mt-10">
      <h2 id={anchor} tabIndex={-1} className="scroll-mt-4 text-xl font-bold text-brand-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function MedicalProfilePage() {
  const actor = await requireOnboardedActor();
  const profile = await findMedicalProfile({ actor });
  const contents = [{ anchor: MEASUREMENTS_ANCHOR, title: "Mesures" }, ...PROFILE_SECTIONS];
  return (
    <>
      <PageTitle>Profil médical</PageTitle>
      <p className="mt-4">Les informations de santé que vous avez renseignées, rangées par rubrique.</p>
      <nav aria-labelledby="sommaire-profil" className="mt-6 rounded border border-slate-300 bg-slate-50 p-4">
        <h2 id="sommaire-profil" className="font-bold text-slate-900">
          Rubriques
        </h2>
        <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          {contents.map((entry) => (
            <li key={entry.anchor}>
              <a href={`#${entry.anchor}`} className="text-brand-700 underline">
                {entry.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ProfileSection anchor={MEASUREMENTS_ANCHOR} title="Mesures">
        <MeasurementsSection series={profile.measurements} />
      </ProfileSection>
      {PROFILE_SECTIONS.map((info) => (
        <ProfileSection key={info.section} anchor={info.anchor} title={info.title}>
          <ProfileItems items={profile.items[info.section]} emptyText={info.emptyText} />
        </ProfileSection>
      ))}
    </>
  );
}
