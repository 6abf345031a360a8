import type { Metadata } from "next";
import { AgendaBanner } from "@/components/agenda/agenda-banner";
import { AppointmentForm } from "@/components/agenda/appointment-form";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { AGENDA_PATH } from "@/lib/agenda/paths";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { saveAppointmentAction } from "../../actions";

export const metadata: Metadata = { title: "Ajouter un rendez-vous – Agenda" };

export default async function AddAppointmentPage() {
  await requireOnboardedActor();
  return (
    <>
      <p>
        <Link href={AGENDA_PATH} className="text-brand-700 underline">
          <span aria-hidden="true">← </span>Retour à l&apos;agenda
        </Link>
      </p>
      <PageTitle className="mt-4">Ajouter un rendez-vous</PageTitle>
      <div className="mt-6">
        <AgendaBanner />
      </div>
      <AppointmentForm action={saveAppointmentAction} id={null} initialValues={{}} />
    </>
  );
}
