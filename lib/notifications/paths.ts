/** The pages of the notification centre (app/(espace)/(frame)/notifications). */
export const NOTIFICATIONS_PATH = "/notifications";
export const NOTIFICATION_PREFERENCES_PATH = "/notifications/preferences";

/** "3 notifications non lues": the header's dot and Accueil alike. */
export function describeUnreadNotifications(count: number): string {
  return count === 1 ? "1 notification non lue" : `${count} notifications non lues`;
}
