import type { Metadata } from "next";
import { ReminderForm } from "@/components/agenda/reminder-form";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { AGENDA_PATH } from "@/lib/agenda/paths";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { MAX_REMINDERS_PER_DAY } from "@/db/schema/agenda";
import { addReminderAction } from "../../actions";

export const metadata: Metadata = { title: "Ajouter un rappel – Agenda" };

export default async function AddReminderPage() {
  await requireOnboardedActor();
  return (
    <>
      <p>
        <Link href={`${AGENDA_PATH}#rappels`} className="text-brand-700 underline">
          <span aria-hidden="true">← </span>Retour à l&apos;agenda
        </Link>
      </p>
      <PageTitle className="mt-4">Ajouter un rappel</PageTitle>
      <p className="mt-4">Vous recevrez un e-mail la veille. {MAX_REMINDERS_PER_DAY} rappels au plus pour une même date.</p>
      <ReminderForm action={addReminderAction} />
    </>
  );
}
