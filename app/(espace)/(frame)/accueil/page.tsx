import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { DocumentList } from "@/components/documents/document-list";
import { describeUnread } from "@/components/messaging/describe-unread";
import { type QuickAction, QuickActions } from "@/components/space/quick-actions";
import { AppointmentList } from "@/components/agenda/appointment-list";
import { findUpcomingAppointments } from "@/lib/agenda/appointments";
import { AGENDA_PATH } from "@/lib/agenda/paths";
import { ADD_DOCUMENT_PATH, DOCUMENTS_PATH } from "@/lib/documents/paths";
import { findLatestDocuments } from "@/lib/documents/queries";
import { ADD_MEASUREMENT_PATH } from "@/lib/medical-profile/measures-paths";
import { countUnreadMessages } from "@/lib/messaging/queries";
import { countUnreadNotifications } from "@/lib/notifications/centre";
import { describeUnreadNotifications, NOTIFICATIONS_PATH } from "@/lib/notifications/paths";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import { PageTitle } from "@/components/ui/page-title";
import { CareEventList } from "@/components/reimbursements/care-event-list";
import { HEALTH_HISTORY_PATH } from "@/lib/reimbursements/paths";
import { findLatestCareEvents } from "@/lib/reimbursements/queries";
import { reimbursementScopeOf } from "@/lib/reimbursements/scope";

export const metadata: Metadata = { title: "Accueil" };

const quickActions: QuickAction[] = [
  {
    href: ADD_DOCUMENT_PATH,
    label: "Ajouter un document",
    description: "Ordonnances, comptes rendus, résultats et autres documents de santé.",
  },
  {
    href: ADD_MEASUREMENT_PATH,
    label: "Ajouter une mesure",
    description: "Taille, poids et autres mesures de votre profil médical.",
  },
  {
    href: "/profil-medical/completer",
    label: "Compléter mon profil",
    description: "Maladies, traitements, allergies et autres informations de santé.",
  },
];

export default async function HomePage() {
  const actor = await requireOnboardedActor();
  const ownScope = await reimbursementScopeOf(actor, { now: new Date(), includeChildren: false });
  const [unreadCount, unreadNotifications, latestDocuments, latestCare, nextAppointments] = await Promise.all([
    countUnreadMessages({ actor }),
    countUnreadNotifications({ actor }),
    findLatestDocuments({ actor }),
    findLatestCareEvents(ownScope),
    findUpcomingAppointments({ actor, now: new Date(), limit: 3 }),
  ]);
  return (
    <>
      <PageTitle>Bonjour {actor.subject.firstName}</PageTitle>
      {unreadCount > 0 ? (
        <p className="mt-4 rounded border-l-4 border-brand-700 bg-brand-50 p-4">
          Vous avez {describeUnread(unreadCount)} dans votre messagerie.{" "}
          <Link href="/messagerie" className="font-semibold text-brand-700 underline">
            Lire mes messages
          </Link>
        </p>
      ) : null}
      {unreadNotifications > 0 ? (
        <p className="mt-4 rounded border-l-4 border-brand-700 bg-brand-50 p-4">
          Vous avez {describeUnreadNotifications(unreadNotifications)}.{" "}
          <Link href={NOTIFICATIONS_PATH} className="font-semibold text-brand-700 underline">
            Voir mes notifications
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="raccourcis" className="mt-8">
        <h2 id="raccourcis" className="sr-only">
          Raccourcis
        </h2>
        <QuickActions actions={quickActions} />
      </section>
      <section aria-labelledby="derniers-documents" className="mt-10">
        <h2 id="derniers-documents" className="text-xl font-bold text-brand-900">
          Mes derniers documents
        </h2>
        {latestDocuments.length === 0 ? (
          <p className="mt-3 text-slate-700">Vous n&apos;avez pas encore de document.</p>
        ) : (
          <>
            <DocumentList documents={latestDocuments} labelledBy="derniers-documents" />
            <p className="mt-4">
              <Link href={DOCUMENTS_PATH} className="font-semibold text-brand-700 underline">
                Voir tous mes documents
              </Link>
            </p>
          </>
        )}
      </section>
      {latestCare.length > 0 ? (
        <section aria-labelledby="histoire-de-sante" className="mt-10">
          <h2 id="histoire-de-sante" className="text-xl font-bold text-brand-900">
            Mon histoire de santé
          </h2>
          <CareEventList events={latestCare} labelledBy="histoire-de-sante" />
          <p className="mt-4">
            <Link href={HEALTH_HISTORY_PATH} className="font-semibold text-brand-700 underline">
              Voir toute mon histoire de santé
            </Link>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="prochains-rendez-vous" className="mt-10">
        <h2 id="prochains-rendez-vous" className="text-xl font-bold text-brand-900">
          Mes prochains rendez-vous
        </h2>
        {nextAppointments.length === 0 ? (
          <p className="mt-3 text-slate-700">Vous n&apos;avez pas de rendez-vous à venir.</p>
        ) : (
          <AppointmentList appointments={nextAppointments} labelledBy="prochains-rendez-vous" />
        )}
        <p className="mt-4">
          <Link href={AGENDA_PATH} className="font-semibold text-brand-700 underline">
            Voir mon agenda
          </Link>
        </p>
      </section>
    </>
  );
}
