"use server";

import { refresh, revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/access/current-actor";
import type { FormState } from "@/lib/form-state";
import {
  type NotificationChange,
  deleteNotification,
  findNotificationPath,
  markAllNotificationsRead,
  markNotification,
  saveEmailPreferences,
} from "@/lib/notifications/centre";
import { NOTIFICATIONS_PATH } from "@/lib/notifications/paths";
import { emailPreferencesSchema, notificationIdSchema } from "@/lib/notifications/schemas";
import { formFields, submittedForm } from "@/lib/validation";

/** A form the page did not write, or someone else's notification: back to the centre, nothing written. */
function thenRefresh(outcome: NotificationChange): void {
  if (outcome.status !== "done") redirect(NOTIFICATIONS_PATH);
  refresh();
}

/** "Voir le document", "Voir le message"…: the notification is read, and its item opens. */
export async function openNotificationAction(submitted: unknown): Promise<void> {
  const parsed = notificationIdSchema.safeParse(formFields(submittedForm(submitted)));
  const actor = await requireActor();
  if (!parsed.success) redirect(NOTIFICATIONS_PATH);
  const path = await findNotificationPath({ actor, notificationId: parsed.data.notificationId });
  if (!path) redirect(NOTIFICATIONS_PATH);
  await markNotification({ actor, notificationId: parsed.data.notificationId, isRead: true, now: new Date() });
  // The frame's layout shows the unread count and is kept across the redirect: render it again.
  revalidatePath("/", "layout");
  redirect(path);
}

export async function markNotificationReadAction(submitted: unknown): Promise<void> {
  const parsed = notificationIdSchema.safeParse(formFields(submittedForm(submitted)));
  const actor = await requireActor();
  if (!parsed.success) redirect(NOTIFICATIONS_PATH);
  thenRefresh(await markNotification({ actor, notificationId: parsed.data.notificationId, isRead: true, now: new Date() }));
}

export async function markNotificationUnreadAction(submitted: unknown): Promise<void> {
  const parsed = notificationIdSchema.safeParse(formFields(submittedForm(submitted)));
  const actor = await requireActor();
  if (!parsed.success) redirect(NOTIFICATIONS_PATH);
  thenRefresh(await markNotification({ actor, notificationId: parsed.data.notificationId, isRead: false, now: new Date() }));
}

export async function deleteNotificationAction(submitted: unknown): Promise<void> {
  const parsed = notificationIdSchema.safeParse(formFields(submittedForm(submitted)));
  const actor = await requireActor();
  if (!parsed.success) redirect(NOTIFICATIONS_PATH);
  thenRefresh(await deleteNotification({ actor, notificationId: parsed.data.notificationId, now: new Date() }));
}

/** "Tout marquer comme lu": takes no field, so no form can be wrong. */
export async function markAllNotificationsReadAction(): Promise<void> {
  const actor = await requireActor();
  await markAllNotificationsRead({ actor, now: new Date() });
  refresh();
}

/** "Préférences de notification": the five switches at once. */
export async function saveEmailPreferencesAction(_previous: FormState, submitted: unknown): Promise<FormState> {
  const parsed = emailPreferencesSchema.safeParse(formFields(submittedForm(submitted)));
  const actor = await requireActor();
  if (!parsed.success) return { status: "error", message: "Activez ou désactivez chaque e-mail, puis enregistrez." };
  await saveEmailPreferences({ actor, preferences: parsed.data, now: new Date() });
  refresh();
  return { status: "success", message: "C'est enregistré : vos préférences de notification s'appliquent dès maintenant." };
}
