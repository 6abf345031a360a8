import type { Metadata } from "next";
import { EntryForm } from "@/components/medical-profile/entry-form";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { ENTRY_FORMS } from "@/lib/medical-profile/entries";
import { profileSectionInfo } from "@/lib/medical-profile/sections";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { saveEntryAction } from "../../actions";
import { backOf, entrySectionOf } from "../../entry-page";

type AddEntryPageProps = { params: Promise<{ section: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: AddEntryPageProps): Promise<Metadata> {
  return { title: `${ENTRY_FORMS[entrySectionOf((await params).section)].addTitle} – Profil médical` };
}

export default async function AddEntryPage({ params, searchParams }: AddEntryPageProps) {
  await requireOnboardedActor();
  const section = entrySectionOf((await params).section);
  const back = backOf(await searchParams);
  const info = profileSectionInfo(section);
  return (
    <>
      <p>
        <Link href={back === "completer" ? "/profil-medical/completer" : `/profil-medical#${info.anchor}`} className="text-brand-700 underline">
          <span aria-hidden="true">← </span>
          {back === "completer" ? "Retour à Compléter mon profil" : `Retour à ${info.title}`}
        </Link>
      </p>
      <PageTitle className="mt-4">{ENTRY_FORMS[section].addTitle}</PageTitle>
      <EntryForm section={section} id={null} initialValues={{}} back={back} action={saveEntryAction} />
    </>
  );
}
