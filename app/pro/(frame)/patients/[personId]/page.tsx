import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppointmentStatusForm } from "@/components/agenda/appointment-status-form";
import { ConsentForm, EmergencyAccessForm } from "@/components/professionals/record-access-forms";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/components/ui/link";
import { PageLinks } from "@/components/ui/page-links";
import { PageTitle } from "@/components/ui/page-title";
import { requireProfessional } from "@/lib/access/current-actor";
import { pageQueryString, parsePageParameter } from "@/lib/documents/list-query";
import { formatDateFr, formatDateTimeFr } from "@/lib/format";
import { formatPartialDate } from "@/lib/medical-profile/partial-date";
import { type ProfessionalAppointment, findAppointmentsAddedBy } from "@/lib/agenda/appointments";
import { PRO_APPOINTMENT_ADDED_STATUS, PRO_APPOINTMENT_STATUS_CHANGED_STATUS, proAddAppointmentPath } from "@/lib/agenda/paths";
import { APPOINTMENT_STATUS_LABELS } from "@/lib/agenda/schemas";
import { proWriteToPatientPath } from "@/lib/messaging/paths";
import { PRO_DOCUMENT_ADDED_STATUS, proAddDocumentPath, proDocumentFilePath, proPatientPath } from "@/lib/professional-access/paths";
import { type ProfessionalDocumentItem, openPatientRecord } from "@/lib/professional-access/reading";
import { changeAppointmentStatusAction, openEmergencyAccessAction, recordConsentAction } from "./actions";

export const metadata: Metadata = { title: "Dossier du patient" };

type ProPatientPageProps = {
  params: Promise<{ personId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function AddDocumentLink({ personId }: { personId: string }) {
  return (
    <p className="mt-6">
      <Link href={proAddDocumentPath(personId)} className="font-semibold text-brand-700 underline">
        Ajouter un document
      </Link>
    </p>
  );
}

function DocumentItems({ personId, documents }: { personId: string; documents: ProfessionalDocumentItem[] }) {
  return (
    <ul className="mt-4 divide-y divide-slate-200 border-y border-slate-200">
      {documents.map((document) => (
        <li key={document.id} className="py-3">
          {/* prefetch off: the file route records « Consultation d'un document » in the patient's history, which only a real opening may do. */}
          <Link href={proDocumentFilePath(personId, document.id)} prefetch={false} className="font-semibold text-brand-700 underline">
            {document.title}
          </Link>
          <p className="mt-1 text-sm text-slate-700">
            {document.typeLabel} · {formatDateFr(document.documentDate)} · {document.authorName}
            {document.isHiddenFromProfessionals ? " · Masqué aux professionnels" : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The appointments this professional added to the patient's agenda, each with the form that changes its status. */
function AddedAppointments({ personId, appointments }: { personId: string; appointments: ProfessionalAppointment[] }) {
  return (
    <section aria-labelledby="rendez-vous" className="mt-8">
      <h2 id="rendez-vous" className="text-xl font-bold text-slate-900">
        Rendez-vous que vous avez ajoutés
      </h2>
      <p className="mt-2 text-slate-700">Le patient les voit dans son agenda avec leur statut, sans pouvoir les modifier.</p>
      <ul className="mt-4 divide-y divide-slate-200 border-y border-slate-200">
        {appointments.map((appointment) => {
          const when = formatDateTimeFr(appointment.startsAt);
          return (
            <li key={appointment.id} className="py-3">
              <p className="font-semibold">{appointment.title ?? "Rendez-vous"}</p>
              <p className="mt-1 text-sm text-slate-700">
                {when}
                {appointment.address ? ` · ${appointment.address}` : ""} · {APPOINTMENT_STATUS_LABELS[appointment.status]}
              </p>
              <AppointmentStatusForm action={changeAppointmentStatusAction} personId={personId} appointmentId={appointment.id} status={appointment.status} when={when} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * A patient's record as this professional may reach it, every answer from lib/professional-access:
 * the summary, the documents and the profile sections open to them; without access, « Le patient
 * m'a donné son accord » and, when the patient allows it, « Accès en urgence »; blocked, a sentence.
 */
export default async function ProPatientPage({ params, searchParams }: ProPatientPageProps) {
  const actor = await requireProfessional();
  const { personId } = await params;
  const query = await searchParams;
  const isAdded = query.statut === PRO_DOCUMENT_ADDED_STATUS;
  const record = await openPatientRecord({ actor, personId, now: new Date(), page: parsePageParameter(query) });
  if (record.status === "not-found") notFound();
  const added = isAdded ? (
    <div className="mt-6">
      <Alert variant="success" role="status">
        Le document a été ajouté au dossier du patient.
      </Alert>
    </div>
  ) : null;
  if (record.status === "blocked") {
    return (
      <>
        <PageTitle>Dossier du patient</PageTitle>
        {added}
        <p className="mt-6">Le patient vous a bloqué : vous ne pouvez pas consulter son dossier. Vous pouvez toujours y ajouter un document.</p>
        <AddDocumentLink personId={personId} />
      </>
    );
  }
  if (record.status === "no-access") {
    return (
      <>
        <PageTitle>Dossier du patient</PageTitle>
        {added}
        <p className="mt-6">Vous n&apos;avez pas encore accès au dossier de ce patient.</p>
        <section aria-labelledby="accord" className="mt-8">
          <h2 id="accord" className="text-xl font-bold text-slate-900">
            Accord du patient
          </h2>
          <ConsentForm action={recordConsentAction} personId={personId} />
        </section>
        {record.mayOpenEmergencyAccess ? (
          <section aria-labelledby="urgence" className="mt-10">
            <h2 id="urgence" className="text-xl font-bold text-slate-900">
              Accès en urgence
            </h2>
            <p className="mt-2">Si l&apos;état du patient ne lui permet pas de donner son accord, indiquez le motif de l&apos;accès en urgence.</p>
            <EmergencyAccessForm action={openEmergencyAccessAction} personId={personId} />
          </section>
        ) : null}
      </>
    );
  }
  const { patient, documentPage, profile } = record;
  const addedAppointments = record.mayAddAppointment ? await findAppointmentsAddedBy({ actor, personId, now: new Date() }) : [];
  return (
    <>
      <PageTitle>{patient.fullName}</PageTitle>
      <p className="mt-2 text-slate-700">
        {patient.sex === "F" ? "Née" : "Né"} le {formatDateFr(patient.birthDate)}
        {patient.usageName ? ` · nom de naissance : ${patient.birthName}` : ""}
      </p>
      {record.isEmergency ? (
        <div className="mt-6">
          <Alert variant="warning" title="Accès en urgence">
            Vous consultez ce dossier en urgence : chaque consultation est enregistrée et le patient en est informé.
          </Alert>
        </div>
      ) : null}
      {added}
      <p className="mt-6">
        <Link href={proWriteToPatientPath(personId)} className="font-semibold text-brand-700 underline">
          Écrire au patient
        </Link>
      </p>
      {query.statut === PRO_APPOINTMENT_ADDED_STATUS ? (
        <div className="mt-6">
          <Alert variant="success" role="status">
            Le rendez-vous a été ajouté à l&apos;agenda du patient.
          </Alert>
        </div>
      ) : null}
      {query.statut === PRO_APPOINTMENT_STATUS_CHANGED_STATUS ? (
        <div className="mt-6">
          <Alert variant="success" role="status">
            Le statut du rendez-vous a été modifié.
          </Alert>
        </div>
      ) : null}
      <AddDocumentLink personId={personId} />
      {record.mayAddAppointment ? (
        <p className="mt-2">
          <Link href={proAddAppointmentPath(personId)} className="font-semibold text-brand-700 underline">
            Ajouter un rendez-vous
          </Link>
        </p>
      ) : null}
      {addedAppointments.length > 0 ? <AddedAppointments personId={personId} appointments={addedAppointments} /> : null}
      <section aria-labelledby="documents" className="mt-8">
        <h2 id="documents" className="text-xl font-bold text-slate-900">
          Documents
        </h2>
        {documentPage.total === 0 ? (
          <p className="mt-4">Aucun document ne vous est accessible dans ce dossier.</p>
        ) : (
          <>
            <p className="mt-2 text-slate-700">
              {documentPage.total} document{documentPage.total > 1 ? "s" : ""} accessible{documentPage.total > 1 ? "s" : ""}.
              {documentPage.pageCount > 1 ? ` Page ${documentPage.page} sur ${documentPage.pageCount}.` : ""}
            </p>
            <DocumentItems personId={personId} documents={documentPage.documents} />
            <PageLinks
              label="Pages de la liste des documents"
              page={documentPage.page}
              pageCount={documentPage.pageCount}
              hrefOf={(number) => `${proPatientPath(personId)}${pageQueryString(number)}`}
            />
          </>
        )}
      </section>
      <section aria-labelledby="vaccinations" className="mt-8">
        <h2 id="vaccinations" className="text-xl font-bold text-slate-900">
          Vaccinations
        </h2>
        {profile.vaccinations.length === 0 ? (
          <p className="mt-4">Aucune vaccination renseignée.</p>
        ) : (
          <ul className="mt-4 list-disc space-y-1 pl-6">
            {profile.vaccinations.map((vaccination) => (
              <li key={vaccination.id}>
                {vaccination.label}
                {vaccination.date ? ` · ${formatPartialDate(vaccination.date)}` : ""}
                {vaccination.lotNumber ? ` · lot ${vaccination.lotNumber}` : ""}
                {vaccination.performer ? ` · ${vaccination.performer}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="histoire-de-sante" className="mt-8">
        <h2 id="histoire-de-sante" className="text-xl font-bold text-slate-900">
          Mon histoire de santé
        </h2>
        {profile.healthHistory === null ? (
          <p className="mt-4">Le patient a masqué son histoire de santé aux professionnels de santé.</p>
        ) : profile.healthHistory.length === 0 ? (
          <p className="mt-4">Aucun soin transmis par l&apos;Assurance Maladie.</p>
        ) : (
          <ul className="mt-4 list-disc space-y-1 pl-6">
            {profile.healthHistory.map((event) => (
              <li key={event.id}>
                {formatDateFr(event.careDate)} · {event.categoryLabel} · {event.actLabel}
                {event.providerName ? ` · ${event.providerName}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="entourage" className="mt-8">
        <h2 id="entourage" className="text-xl font-bold text-slate-900">
          Entourage et volontés
        </h2>
        {profile.entourage.length === 0 ? (
          <p className="mt-4">Aucun proche renseigné.</p>
        ) : (
          <ul className="mt-4 list-disc space-y-1 pl-6">
            {profile.entourage.map((contact) => (
              <li key={contact.id}>
                {contact.firstName} {contact.lastName} ({contact.relation}) · {contact.mobile}
                {contact.isTrustedPerson ? " · personne de confiance" : ""}
                {contact.isEmergencyContact ? " · à prévenir en cas d'urgence" : ""}
                {contact.isCaregiver ? " · aidant" : ""}
              </li>
            ))}
          </ul>
        )}
        <h3 className="mt-6 text-lg font-bold text-slate-900">Directives anticipées</h3>
        {profile.advanceDirectives.length === 0 ? (
          <p className="mt-2">Aucune directive anticipée accessible.</p>
        ) : (
          <DocumentItems personId={personId} documents={profile.advanceDirectives} />
        )}
        <h3 className="mt-6 text-lg font-bold text-slate-900">Don d&apos;organes</h3>
        <p className="mt-2">
          {profile.organDonation
            ? `Le patient a pris connaissance de l'information sur le don d'organes (le ${formatDateTimeFr(profile.organDonation.informedAt)}).`
            : "Aucune déclaration accessible."}
        </p>
      </section>
      <p className="mt-8">
        <Link href="/pro" className="text-brand-700 underline">
          Rechercher un autre patient
        </Link>
      </p>
    </>
  );
}
