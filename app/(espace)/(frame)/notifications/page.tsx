import type { Metadata } from "next";
import { NotificationList } from "@/components/notifications/notification-list";
import { SubmitButton } from "@/components/forms/submit-button";
import { Link } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { countUnreadNotifications, findNotificationPage } from "@/lib/notifications/centre";
import { describeUnreadNotifications, NOTIFICATION_PREFERENCES_PATH, NOTIFICATIONS_PATH } from "@/lib/notifications/paths";
import { notificationCursorSchema } from "@/lib/notifications/schemas";
import { requireOnboardedActor } from "@/lib/onboarding/guard";
import {
  deleteNotificationAction,
  markAllNotificationsReadAction,
  markNotificationReadAction,
  markNotificationUnreadAction,
  openNotificationAction,
} from "./actions";

export const metadata: Metadata = { title: "Notifications" };

type NotificationsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const actions = {
  open: openNotificationAction,
  markRead: markNotificationReadAction,
  markUnread: markNotificationUnreadAction,
  remove: deleteNotificationAction,
};

/** The notification centre of the open profile (SPEC §6 "Notifications"). */
export default async function NotificationsPage({ searchParams }: NotificationsPageProps) {
  const actor = await requireOnboardedActor();
  const { avant } = await searchParams;
  const cursor = notificationCursorSchema.safeParse(Array.isArray(avant) ? avant[0] : avant);
  const [page, unreadCount] = await Promise.all([
    findNotificationPage({ actor, cursor: cursor.success ? cursor.data : null }),
    countUnreadNotifications({ actor }),
  ]);
  return (
    <>
      <PageTitle>Notifications</PageTitle>
      <p className="mt-4">
        Ce qui est arrivé dans le profil de {actor.subject.fullName} : les documents ajoutés par un professionnel de santé, les
        messages reçus, les accès des professionnels à son dossier et les rappels.
      </p>
      <p className="mt-2">
        <Link href={NOTIFICATION_PREFERENCES_PATH} className="text-brand-700 underline">
          Préférences de notification
        </Link>
      </p>
      <div className="mt-6 flex flex-wrap items-center justify-between gap-4">
        <h2 id="notifications-heading" className="text-xl font-bold text-brand-900">
          {unreadCount > 0 ? `Notifications (${describeUnreadNotifications(unreadCount)})` : "Notifications"}
        </h2>
        {unreadCount > 0 ? (
          <form action={markAllNotificationsReadAction} className="[&>button]:w-auto">
            <SubmitButton variant="secondary">Tout marquer comme lu</SubmitButton>
          </form>
        ) : null}
      </div>
      {page.notifications.length === 0 ? (
        <p className="mt-4 text-slate-700">Aucune notification pour le moment.</p>
      ) : (
        <NotificationList notifications={page.notifications} actions={actions} />
      )}
      {page.olderCursor || !page.isFirstPage ? (
        <nav aria-label="Pages des notifications" className="mt-6 flex flex-wrap justify-between gap-4">
          {page.isFirstPage ? (
            <span />
          ) : (
            <Link href={NOTIFICATIONS_PATH} className="text-brand-700 underline">
              <span aria-hidden="true">← </span>Notifications les plus récentes
            </Link>
          )}
          {page.olderCursor ? (
            <Link href={`${NOTIFICATIONS_PATH}?avant=${encodeURIComponent(page.olderCursor)}`} className="text-brand-700 underline">
              Notifications plus anciennes<span aria-hidden="true"> →</span>
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
