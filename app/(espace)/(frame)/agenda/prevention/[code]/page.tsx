import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PreventiveStatusForm } from "@/components/agenda/preventive-status-form";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { PREVENTION_PATH } from "@/lib/agenda/paths";
import { findPreventiveCalendar } from "@/lib/agenda/preventive";
import { PREVENTIVE_STATUS_LABELS } from "@/lib/agenda/preventive-calendar";
import { formatDateFr } from "@/lib/format";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { setPreventiveStatusAction } from "../../actions";

export const metadata: Metadata = { title: "Mettre à jour le calendrier de prévention – Agenda" };

type PreventiveItemPageProps = { params: Promise<{ code: string }> };

/** One item of the subject's preventive calendar: its status, and for a vaccination done, « Ajouter ce vaccin ». */
export default async function PreventiveItemPage({ params }: PreventiveItemPageProps) {
  const actor = await requireOnboardedActor();
  const { code } = await params;
  const item = (await findPreventiveCalendar({ actor, now: new Date() })).find((candidate) => candidate.code === code);
  if (!item) notFound();
  return (
    <>
      <p>
        <Link href={PREVENTION_PATH} className="text-brand-700 underline">
          <span aria-hidden="true">← </span>Retour au calendrier de prévention
        </Link>
      </p>
      <PageTitle className="mt-4">{item.label}</PageTitle>
      <p className="mt-4">
        {item.kind === "vaccination" ? "Vaccination" : "Examen médical"} {item.ageLabel}, prévu le {formatDateFr(item.dueOn)}. Statut actuel :{" "}
        {PREVENTIVE_STATUS_LABELS[item.status]}.
      </p>
      <PreventiveStatusForm
        action={setPreventiveStatusAction}
        itemCode={item.code}
        isVaccination={item.kind === "vaccination"}
        initialValues={{ status: item.status, doneOn: item.doneOn ? formatDateFr(item.doneOn) : "" }}
      />
    </>
  );
}
