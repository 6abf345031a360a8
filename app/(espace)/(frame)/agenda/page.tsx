import type { Metadata } from "next";
import { AgendaBanner } from "@/components/agenda/agenda-banner";
import { AppointmentList } from "@/components/agenda/appointment-list";
import { CalendarFeedForm } from "@/components/agenda/calendar-feed-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { findPastAppointments, findUpcomingAppointments } from "@/lib/agenda/appointments";
import { findCalendarFeedRenewal } from "@/lib/agenda/feeds";
import { ADD_APPOINTMENT_PATH, ADD_REMINDER_PATH, AGENDA_EXPORT_PATH, PREVENTION_PATH } from "@/lib/agenda/paths";
import { findUpcomingReminders } from "@/lib/agenda/reminders";
import { formatDateFr, formatDateTimeFr } from "@/lib/format";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { deleteReminderAction, renewCalendarFeedAction } from "./actions";

export const metadata: Metadata = { title: "Agenda" };

const STATUS_MESSAGES: Record<string, string> = {
  "rendez-vous-supprime": "Le rendez-vous a été supprimé.",
  "rappel-ajoute": "Le rappel a été ajouté.",
  "rappel-supprime": "Le rappel a été supprimé.",
};

type AgendaPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** « Agenda »: the banner, the next appointments, the past ones, the reminders, the preventive calendar and the exports. */
export default async function AgendaPage({ searchParams }: AgendaPageProps) {
  const actor = await requireOnboardedActor();
  const statusCode = (await searchParams).statut;
  const message = typeof statusCode === "string" ? STATUS_MESSAGES[statusCode] : undefined;
  const now = new Date();
  const [upcoming, past, reminders, feedRenewedAt] = await Promise.all([
    findUpcomingAppointments({ actor, now }),
    findPastAppointments({ actor, now, limit: 20 }),
    findUpcomingReminders({ actor, now }),
    findCalendarFeedRenewal({ actor }),
  ]);
  return (
    <>
      <PageTitle>Agenda</PageTitle>
      <div className="mt-6">
        <AgendaBanner />
      </div>
      {message ? (
        <div className="mt-6">
          <Alert variant="success" role="status">
            {message}
          </Alert>
        </div>
      ) : null}
      <p className="mt-6 flex flex-wrap gap-x-6 gap-y-2">
        <Link href={ADD_APPOINTMENT_PATH} className="font-semibold text-brand-700 underline">
          Ajouter un rendez-vous
        </Link>
        <Link href={ADD_REMINDER_PATH} className="font-semibold text-brand-700 underline">
          Ajouter un rappel
        </Link>
        <a href={AGENDA_EXPORT_PATH} className="font-semibold text-brand-700 underline">
          Exporter mon agenda (.ics)
        </a>
      </p>
      <section aria-labelledby="prochains-rendez-vous" className="mt-8">
        <h2 id="prochains-rendez-vous" className="text-xl font-bold text-brand-900">
          Mes prochains rendez-vous
        </h2>
        {upcoming.length === 0 ? <p className="mt-3 text-slate-700">Vous n&apos;avez pas de rendez-vous à venir.</p> : <AppointmentList appointments={upcoming} labelledBy="prochains-rendez-vous" />}
      </section>
      <section aria-labelledby="rappels-titre" id="rappels" className="mt-10">
        <h2 id="rappels-titre" className="text-xl font-bold text-brand-900">
          Mes rappels
        </h2>
        {reminders.length === 0 ? (
          <p className="mt-3 text-slate-700">Vous n&apos;avez pas de rappel à venir.</p>
        ) : (
          <ul aria-labelledby="rappels-titre" className="mt-4 divide-y divide-slate-200 border-y border-slate-200">
            {reminders.map((reminder) => (
              <li key={reminder.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-semibold text-slate-900">{reminder.title}</p>
                  <p className="text-sm text-slate-700">
                    Le {formatDateFr(reminder.remindOn)}
                    {reminder.note ? ` · ${reminder.note}` : ""}
                  </p>
                </div>
                <form action={deleteReminderAction}>
                  <input type="hidden" name="id" value={reminder.id} />
                  <SubmitButton variant="secondary" aria-label={`Supprimer le rappel ${reminder.title} du ${formatDateFr(reminder.remindOn)}`}>
                    Supprimer
                  </SubmitButton>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="prevention" className="mt-10">
        <h2 id="prevention" className="text-xl font-bold text-brand-900">
          Calendrier de prévention
        </h2>
        <p className="mt-3">Les vaccinations et les examens médicaux recommandés à chaque âge, et où vous en êtes.</p>
        <p className="mt-2">
          <Link href={PREVENTION_PATH} className="font-semibold text-brand-700 underline">
            Voir mon calendrier de prévention
          </Link>
        </p>
      </section>
      <section aria-labelledby="rendez-vous-passes" className="mt-10">
        <h2 id="rendez-vous-passes" className="text-xl font-bold text-brand-900">
          Mes rendez-vous passés
        </h2>
        {past.length === 0 ? <p className="mt-3 text-slate-700">Aucun rendez-vous passé.</p> : <AppointmentList appointments={past} labelledBy="rendez-vous-passes" />}
      </section>
      <section aria-labelledby="abonnement" className="mt-10">
        <h2 id="abonnement" className="text-xl font-bold text-brand-900">
          Suivre mon agenda sur mon téléphone
        </h2>
        <p className="mt-3">
          Une adresse privée permet à l&apos;application d&apos;agenda de votre téléphone ou de votre ordinateur de suivre cet agenda. Ne la
          partagez pas : toute personne qui la connaît peut lire vos rendez-vous. En la renouvelant, vous arrêtez l&apos;ancienne.
        </p>
        {feedRenewedAt ? <p className="mt-2 text-slate-700">Adresse actuelle créée le {formatDateTimeFr(feedRenewedAt)}.</p> : null}
        <CalendarFeedForm action={renewCalendarFeedAction} hasFeed={feedRenewedAt !== null} />
      </section>
    </>
  );
}
