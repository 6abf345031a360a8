import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AgendaBanner } from "@/components/agenda/agenda-banner";
import { AppointmentForm } from "@/components/agenda/appointment-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { appointmentHeadline, findAppointment, isEditableByPatient } from "@/lib/agenda/appointments";
import { AGENDA_PATH, appointmentExportPath } from "@/lib/agenda/paths";
import { APPOINTMENT_STATUS_LABELS, APPOINTMENT_WITH_KINDS } from "@/lib/agenda/schemas";
import { formatDateFr, formatDateTimeFr, formatTimeFr } from "@/lib/format";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { deleteAppointmentAction, saveAppointmentAction } from "../../actions";

export const metadata: Metadata = { title: "Rendez-vous – Agenda" };

const STATUS_MESSAGES: Record<string, string> = { ajoute: "Le rendez-vous a été ajouté à votre agenda.", modifie: "Le rendez-vous a été modifié." };

type AppointmentPageProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * One appointment: its details and its export; the patient's own may be changed or deleted here,
 * a professional's is read-only, with its status.
 */
export default async function AppointmentPage({ params, searchParams }: AppointmentPageProps) {
  const actor = await requireOnboardedActor();
  const appointment = await findAppointment({ actor, id: (await params).id });
  if (!appointment) notFound();
  const statusCode = (await searchParams).statut;
  const message = typeof statusCode === "string" ? STATUS_MESSAGES[statusCode] : undefined;
  const isEditable = isEditableByPatient(appointment);
  const withKindLabel = APPOINTMENT_WITH_KINDS.find((kind) => kind.value === appointment.withKind)?.label ?? "";
  return (
    <>
      <p>
        <Link href={AGENDA_PATH} className="text-brand-700 underline">
          <span aria-hidden="true">← </span>Retour à l&apos;agenda
        </Link>
      </p>
      <PageTitle className="mt-4">{appointmentHeadline(appointment)}</PageTitle>
      {message ? (
        <div className="mt-6">
          <Alert variant="success" role="status">
            {message}
          </Alert>
        </div>
      ) : null}
      <dl className="mt-6 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Date et heure</dt>
        <dd>{formatDateTimeFr(appointment.startsAt)}</dd>
        <dt className="font-semibold">Avec qui</dt>
        <dd>
          {appointment.withName} ({withKindLabel.toLowerCase()})
        </dd>
        {appointment.address ? (
          <>
            <dt className="font-semibold">Adresse</dt>
            <dd>{appointment.address}</dd>
          </>
        ) : null}
        {appointment.status ? (
          <>
            <dt className="font-semibold">Statut</dt>
            <dd>{APPOINTMENT_STATUS_LABELS[appointment.status]}</dd>
          </>
        ) : null}
        {appointment.note ? (
          <>
            <dt className="font-semibold">Note personnelle</dt>
            <dd className="whitespace-pre-line">{appointment.note}</dd>
          </>
        ) : null}
      </dl>
      <p className="mt-6">
        <a href={appointmentExportPath(appointment.id)} className="font-semibold text-brand-700 underline">
          Exporter ce rendez-vous (.ics)
        </a>
      </p>
      {isEditable ? (
        <>
          <section aria-labelledby="modifier" className="mt-10">
            <h2 id="modifier" className="text-xl font-bold text-brand-900">
              Modifier le rendez-vous
            </h2>
            <AppointmentForm
              action={saveAppointmentAction}
              id={appointment.id}
              initialValues={{
                title: appointment.title ?? "",
                withKind: appointment.withKind,
                withName: appointment.withName,
                date: formatDateFr(appointment.startsAt),
                time: formatTimeFr(appointment.startsAt),
                address: appointment.address ?? "",
                note: appointment.note ?? "",
              }}
            />
          </section>
          <form action={deleteAppointmentAction} className="mt-10">
            <input type="hidden" name="id" value={appointment.id} />
            <SubmitButton variant="secondary">Supprimer le rendez-vous</SubmitButton>
          </form>
        </>
      ) : (
        <div className="mt-8 space-y-4">
          <Alert variant="info" title="Rendez-vous ajouté par votre professionnel de santé">
            Ce rendez-vous a été ajouté par {appointment.withName}. Il ne peut pas être modifié ou supprimé dans Mon espace santé : pour le
            modifier ou l&apos;annuler, contactez votre professionnel de santé.
          </Alert>
          <AgendaBanner />
        </div>
      )}
    </>
  );
}
