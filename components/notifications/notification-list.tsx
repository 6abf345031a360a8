import { DocumentSwitchForm } from "@/components/documents/document-switch-form";
import { formatDateTimeFr } from "@/lib/format";

type NotificationItem = {
  id: string;
  title: string;
  linkLabel: string;
  actorName: string | null;
  createdAt: Date;
  isRead: boolean;
};

type NotificationActions = {
  open: (formData: FormData) => Promise<void>;
  markRead: (formData: FormData) => Promise<void>;
  markUnread: (formData: FormData) => Promise<void>;
  remove: (formData: FormData) => Promise<void>;
};

/**
 * The centre's list, newest first. Each item is its title, when and who, "Non lue" in words (not
 * only in colour), and its buttons in a group named by the title, so that ten "Voir le document"
 * buttons can be told apart.
 */
export function NotificationList({ notifications, actions }: { notifications: NotificationItem[]; actions: NotificationActions }) {
  return (
    <ul aria-labelledby="notifications-heading" className="mt-4 divide-y divide-slate-200 border-y border-slate-200">
      {notifications.map((notification) => {
        const titleId = `notification-${notification.id}`;
        const fields = { notificationId: notification.id };
        return (
          <li key={notification.id} className={["py-4", notification.isRead ? "" : "border-l-4 border-brand-700 pl-3"].join(" ")}>
            <p id={titleId} className="font-semibold text-slate-900">
              {notification.isRead ? null : <span className="mr-2 rounded bg-brand-700 px-2 py-0.5 text-sm text-white">Non lue</span>}
              {notification.title}
            </p>
            <p className="mt-1 text-sm text-slate-700">
              Le {formatDateTimeFr(notification.createdAt)}
              {notification.actorName ? `, par ${notification.actorName}` : null}
            </p>
            <div className="mt-2 flex flex-wrap gap-2" role="group" aria-labelledby={titleId}>
              <DocumentSwitchForm action={actions.open} fields={fields} label={notification.linkLabel} variant="primary" />
              {notification.isRead ? (
                <DocumentSwitchForm action={actions.markUnread} fields={fields} label="Marquer comme non lue" />
              ) : (
                <DocumentSwitchForm action={actions.markRead} fields={fields} label="Marquer comme lue" />
              )}
              <DocumentSwitchForm action={actions.remove} fields={fields} label="Supprimer" />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
