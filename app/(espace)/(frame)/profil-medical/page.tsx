import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Checkbox } from "@/components/forms/checkbox";
import { SubmitButton } from "@/components/forms/submit-button";
import { MeasurementsSection } from "@/components/medical-profile/measurements-section";
import {
  EntourageList,
  HealthProfessionalList,
  MaskButton,
  ProfileItems,
  describeDeclaration,
} from "@/components/medical-profile/profile-items";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { formatLongDateFr } from "@/lib/format";
import { BLOOD_GROUPS, ENTRY_FORMS, choiceLabel } from "@/lib/medical-profile/entries";
import { LIFESTYLE_THEMES } from "@/lib/medical-profile/lifestyle";
import { type MedicalProfile, findMedicalProfile } from "@/lib/medical-profile/queries";
import {
  PROFILE_SECTIONS,
  type ProfileSectionInfo,
  isEntrySection,
  isProfileItemSection,
  isProfileSectionVisibleToProfessionals,
} from "@/lib/medical-profile/sections";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { declareNotConcernedAction, saveOrganDonationAction, setMaskAction } from "./actions";

export const metadata: Metadata = { title: "Profil médical" };

function ProfileSection({ info, children }: { info: ProfileSectionInfo; children: ReactNode }) {
  const headingId = info.anchor;
  return (
    <section aria-labelledby={headingId} className="mt-10">
      <h2 id={headingId} tabIndex={-1} className="scroll-mt-4 text-xl font-bold text-brand-900">
        {info.title}
      </h2>
      <p className="mt-1 text-sm font-semibold text-slate-700">
        {isProfileSectionVisibleToProfessionals(info.key)
          ? "Visible par les professionnels de santé autorisés, sauf ce que vous masquez."
          : "Non visible par les professionnels de santé."}
      </p>
      {children}
    </section>
  );
}

function NotConcerned({ profile, info }: { profile: MedicalProfile; info: ProfileSectionInfo }) {
  if (!info.offersNotConcerned || !isProfileItemSection(info.key)) return null;
  const declaredAt = profile.notConcerned[info.key];
  if (declaredAt) return <p className="mt-3 text-slate-700">{describeDeclaration(declaredAt)}</p>;
  if (profile.items[info.key].length > 0) return null;
  return (
    <form action={declareNotConcernedAction} className="mt-3">
      <input type="hidden" name="section" value={info.key} />
      <SubmitButton variant="secondary">Je ne suis pas concerné</SubmitButton>
    </form>
  );
}

function SectionContents({ profile, info }: { profile: MedicalProfile; info: ProfileSectionInfo }) {
  const { key } = info;
  if (isProfileItemSection(key)) {
    // A declaration says it all while the section is empty.
    if (profile.items[key].length === 0 && profile.notConcerned[key]) return null;
    return (
      <ProfileItems
        items={profile.items[key]}
        emptyText={info.emptyText}
        anchor={info.anchor}
        maskAction={isProfileSectionVisibleToProfessionals(key) ? setMaskAction : undefined}
      />
    );
  }
  switch (key) {
    case "blood-group":
      return (
        <>
          <p className="mt-3 text-slate-900">
            {profile.bloodGroup ? (
              <>
                <span className="font-semibold">{choiceLabel(BLOOD_GROUPS, profile.bloodGroup.value)}</span>
                {profile.bloodGroup.authorKind === "professional" ? " — ajouté par un professionnel de santé" : ""}
              </>
            ) : (
              info.emptyText
            )}
          </p>
          <p className="mt-1 text-sm text-slate-700">Un contrôle du groupe sanguin est toujours fait avant une transfusion.</p>
          {!profile.bloodGroup || profile.bloodGroup.isChangeable ? (
            <p className="mt-3">
              <Link href="/profil-medical/groupe-sanguin" className="text-brand-700 underline">
                {profile.bloodGroup ? "Modifier mon groupe sanguin" : "Renseigner mon groupe sanguin"}
              </Link>
            </p>
          ) : null}
        </>
      );
    case "measurements":
      return (
        <>
          <MeasurementsSection series={profile.measurements} />
          <p className="mt-3">
            <Link href="/profil-medical/mesures" className="text-brand-700 underline">
              Voir mes mesures
            </Link>
          </p>
        </>
      );
    case "health-professionals":
      return (
        <>
          <p className="mt-3 rounded border-l-4 border-brand-700 bg-brand-50 p-4">
            Ce carnet d&apos;adresses ne donne aucun accès : les professionnels de santé que vous ajoutez dans votre profil médical
            n&apos;ont pas automatiquement accès à vos informations de santé.
          </p>
          <HealthProfessionalList contacts={profile.healthProfessionals} emptyText={info.emptyText} anchor={info.anchor} />
        </>
      );
    case "entourage":
      return (
        <>
          <p className="mt-3 text-slate-700">Une seule personne de confiance peut être désignée.</p>
          <EntourageList contacts={profile.entourage} emptyText={info.emptyText} anchor={info.anchor} maskAction={setMaskAction} />
        </>
      );
    case "advance-directives":
      return (
        <p className="mt-3 text-slate-700">
          Les directives anticipées disent vos volontés sur les soins en fin de vie, si un jour vous ne pouvez plus les exprimer. Une
          nouvelle version remplace la précédente. Elles ne peuvent pas être rédigées pour un mineur.{" "}
          <Link href="/profil-medical/directives-anticipees" className="text-brand-700 underline">
            Mes directives anticipées
          </Link>
        </p>
      );
    case "organ-donation":
      return (
        <>
          <p className="mt-3 text-slate-700">
            En France, chacun est présumé donneur d&apos;organes et de tissus après sa mort, sauf s&apos;il a fait connaître son refus,
            notamment en s&apos;inscrivant sur le registre national des refus. Mon espace santé n&apos;enregistre ni accord ni refus.
          </p>
          {profile.organDonation ? (
            <p className="mt-2 font-semibold text-slate-900">
              Vous avez indiqué avoir pris connaissance de cette information le {formatLongDateFr(profile.organDonation.informedAt)}.
              {profile.organDonation.isHiddenFromProfessionals ? " Masqué aux professionnels de santé." : ""}
            </p>
          ) : null}
          <form action={saveOrganDonationAction} className="mt-3 space-y-3">
            <Checkbox
              name="isInformed"
              label="J'ai pris connaissance de l'information sur le don d'organes"
              defaultChecked={profile.organDonation !== null}
            />
            <SubmitButton variant="secondary">Enregistrer</SubmitButton>
          </form>
          {profile.organDonation ? (
            <MaskButton action={setMaskAction} kind="organ-donation" isHidden={profile.organDonation.isHiddenFromProfessionals} />
          ) : null}
        </>
      );
    case "lifestyle": {
      const answered = LIFESTYLE_THEMES.flatMap((theme) =>
        theme.questions.flatMap((question) => {
          const answer = profile.lifestyle[question.code];
          return answer ? [{ theme: theme.title, question, answer }] : [];
        }),
      );
      return (
        <>
          {answered.length === 0 ? (
            <p className="mt-3 text-slate-700">{info.emptyText}</p>
          ) : (
            <ul className="mt-3 list-disc space-y-1 pl-6">
              {answered.map(({ theme, question, answer }) => (
                <li key={question.code}>
                  {theme} — {question.label} : <span className="font-semibold">{choiceLabel(question.choices, answer.answer)}</span>{" "}
                  <span className="text-slate-700">(le {formatLongDateFr(answer.answeredAt)})</span>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3">
            <Link href="/profil-medical/habitudes-de-vie" className="text-brand-700 underline">
              {answered.length === 0 ? "Renseigner mes habitudes de vie" : "Modifier mes habitudes de vie"}
            </Link>
          </p>
        </>
      );
    }
  }
}

export default async function MedicalProfilePage() {
  const actor = await requireOnboardedActor();
  const profile = await findMedicalProfile({ actor });
  const groups = [...new Set(PROFILE_SECTIONS.map((info) => info.group))];
  return (
    <>
      <PageTitle>Profil médical</PageTitle>
      <p className="mt-4">Les informations de santé que vous avez renseignées, rangées par rubrique.</p>
      <p className="mt-2">
        Les professionnels de santé autorisés voient vos vaccinations, votre entourage et vos volontés (directives anticipées, don
        d&apos;organes), sauf ce que vous masquez. Les autres informations de ce profil ne leur sont pas accessibles.
      </p>
      <p className="mt-4">
        <Link href="/profil-medical/completer" className="font-semibold text-brand-700 underline">
          Compléter mon profil
        </Link>
      </p>
      <p className="mt-2">
        <Link href="/profil-medical/synthese" className="font-semibold text-brand-700 underline">
          Partager une synthèse
        </Link>
      </p>
      <nav aria-labelledby="sommaire-profil" className="mt-6 rounded border border-slate-300 bg-slate-50 p-4">
        <h2 id="sommaire-profil" className="font-bold text-slate-900">
          Rubriques
        </h2>
        <ul className="mt-2 space-y-2">
          {groups.map((group) => (
            <li key={group}>
              <span className="font-semibold text-slate-900">{group}</span>
              <ul className="mt-1 flex flex-wrap gap-x-6 gap-y-2">
                {PROFILE_SECTIONS.filter((info) => info.group === group).map((info) => (
                  <li key={info.key}>
                    <a href={`#${info.anchor}`} className="text-brand-700 underline">
                      {info.title}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>
      {PROFILE_SECTIONS.map((info) => (
        <ProfileSection key={info.key} info={info}>
          <SectionContents profile={profile} info={info} />
          <NotConcerned profile={profile} info={info} />
          {isEntrySection(info.key) ? (
            <p className="mt-3">
              <Link href={`/profil-medical/${info.anchor}/ajouter`} className="font-semibold text-brand-700 underline">
                {ENTRY_FORMS[info.key].addTitle}
              </Link>
            </p>
          ) : null}
        </ProfileSection>
      ))}
    </>
  );
}
