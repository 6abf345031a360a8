import { z } from "zod";

/** An id from a form: anything else is simply not found, never a database error. */
export const notificationIdSchema = z.object({ notificationId: z.uuid({ error: "not-found" }) });

/** A switch of the form: sent ("on") only when on. */
const switchField = z
  .literal("on", { error: "not-found" })
  .optional()
  .transform((value) => value === "on");

/** "Préférences de notification": the five switches of EMAIL_TOPICS, saved at once. */
export const emailPreferencesSchema = z.object({
  newMessage: switchField,
  newDocument: switchField,
  prevention: switchField,
  screenings: switchField,
  connectedServices: switchField,
});

/** `?avant=<instant>_<id>`: the page after this notification, newest first. Anything else: the first page. */
export const notificationCursorSchema = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f-]{36})$/)
  .transform((value) => {
    const [at, id] = value.split("_") as [string, string];
    return { at: new Date(at), id };
  })
  .refine((cursor) => !Number.isNaN(cursor.at.getTime()) && z.uuid().safeParse(cursor.id).success);

export function encodeNotificationCursor(notification: { createdAt: Date; id: string }): string {
  return `${notification.createdAt.toISOString()}_${notification.id}`;
}
