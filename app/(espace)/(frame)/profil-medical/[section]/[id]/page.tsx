import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntryForm } from "@/components/medical-profile/entry-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { PROFESSIONAL_ENTRY_NOTICE } from "@/lib/medical-profile/authorship";
import { ENTRY_FORMS } from "@/lib/medical-profile/entries";
import { findEntry } from "@/lib/medical-profile/queries";
import { profileSectionInfo } from "@/lib/medical-profile/sections";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { deleteEntryAction, saveEntryAction } from "../../actions";
import { entrySectionOf } from "../../entry-page";

type EntryPageProps = { params: Promise<{ section: string; id: string }> };

export async function generateMetadata({ params }: EntryPageProps): Promise<Metadata> {
  const actor = await requireOnboardedActor();
  const { section, id } = await params;
  const entry = await findEntry({ actor, section: entrySectionOf(section), id });
  return { title: entry ? `${entry.title} – Profil médical` : "Information introuvable" };
}

export default async function EntryPage({ params }: EntryPageProps) {
  const actor = await requireOnboardedActor();
  const { section: segment, id } = await params;
  const section = entrySectionOf(segment);
  // Scoped to the subject: someone else's entry is "not found", like a missing one.
  const entry = await findEntry({ actor, section, id });
  if (!entry) notFound();
  const info = profileSectionInfo(section);
  return (
    <>
      <p>
        <Link href={`/profil-medical#${info.anchor}`} className="text-brand-700 underline">
          <span aria-hidden="true">← </span>Retour à {info.title}
        </Link>
      </p>
      <PageTitle className="mt-4">{entry.isChangeable ? ENTRY_FORMS[section].editTitle : entry.title}</PageTitle>
      {entry.isChangeable ? (
        <>
          <EntryForm section={section} id={id} initialValues={entry.values} back="profil" action={saveEntryAction} />
          <form action={deleteEntryAction} className="mt-8 border-t border-slate-300 pt-6">
            <input type="hidden" name="section" value={section} />
            <input type="hidden" name="id" value={id} />
            <h2 className="text-lg font-bold text-slate-900">Supprimer cette information</h2>
            <p className="mt-2">Elle sera retirée de votre profil médical.</p>
            <div className="mt-4">
              <SubmitButton variant="secondary">Supprimer</SubmitButton>
            </div>
          </form>
        </>
      ) : (
        <p className="mt-4 rounded border-l-4 border-brand-700 bg-brand-50 p-4">{PROFESSIONAL_ENTRY_NOTICE}</p>
      )}
    </>
  );
}
