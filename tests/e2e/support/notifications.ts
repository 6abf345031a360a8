import { sql } from "./register";

export type TestNotificationInput = {
  kind?: "document_added" | "message_received" | "professional_access" | "emergency_access";
  title: string;
  path: string;
  actorName?: string | null;
  target?: { type: string; id: string } | null;
  createdAt?: Date;
};

/** A notification in a profile's centre, made in SQL as notify() leaves it (unread). */
export async function createTestNotification(personId: string, input: TestNotificationInput): Promise<{ id: string }> {
  const [row] = await sql<{ id: string }[]>`
    insert into notifications (person_id, kind, title, path, actor_name, target_type, target_id, created_at)
    values (${personId}, ${input.kind ?? "document_added"}, ${input.title}, ${input.path}, ${input.actorName ?? null},
            ${input.target?.type ?? null}, ${input.target?.id ?? null}, ${input.createdAt ?? new Date()})
    returning id`;
  if (!row) throw new Error("notification not created");
  return row;
}

export async function notificationsOf(personId: string) {
  return sql<{ id: string; title: string; readAt: Date | null }[]>`
    select id, title, read_at as "readAt" from notifications where person_id = ${personId} order by created_at desc, id desc`;
}

export async function emailPreferencesOf(personId: string) {
  const [row] = await sql<{ newDocument: boolean; newMessage: boolean }[]>`
    select new_document as "newDocument", new_message as "newMessage" from email_preferences where person_id = ${personId}`;
  return row ?? null;
}
