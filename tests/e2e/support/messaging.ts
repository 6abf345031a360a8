import { mintSessionCookie } from "../../security/support/credentials";
import { sql } from "./register";
import { e2eServer } from "./server";

export type TestAttachment = { name: string; mimeType: string; bytes: Buffer };

/**
 * A professional's « Écrire au patient » for a test that begins on the patient's side: posted to
 * the app's own route handler (/pro/messagerie/envoi) in a minted /pro session, so the message and
 * its attachments are stored, encrypted and notified exactly as the form leaves them. The
 * professional must reach the patient (giveProfessionalAccess). Returns the conversation's id.
 */
export async function writeAsTestProfessional({
  professionalId,
  personId,
  subject,
  body,
  attachments = [],
}: {
  professionalId: string;
  personId: string;
  subject: string;
  body: string;
  attachments?: TestAttachment[];
}): Promise<string> {
  const form = new FormData();
  form.set("patient", personId);
  form.set("objet", subject);
  form.set("message", body);
  for (const attachment of attachments) {
    form.append("pieces-jointes", new Blob([new Uint8Array(attachment.bytes)], { type: attachment.mimeType }), attachment.name);
  }
  const response = await fetch(`${e2eServer.origin}/pro/messagerie/envoi?patient=${personId}`, {
    method: "POST",
    headers: { cookie: await mintSessionCookie(professionalId), origin: e2eServer.origin, accept: "application/json" },
    body: form,
  });
  const answer = (await response.json()) as { status: string; location?: string; message?: string };
  if (answer.status !== "added" || !answer.location) throw new Error(`message not sent: ${response.status} ${answer.message ?? ""}`);
  const conversationId = /\/pro\/messagerie\/([0-9a-f-]{36})/.exec(answer.location)?.[1];
  if (!conversationId) throw new Error(`no conversation in ${answer.location}`);
  return conversationId;
}

/** The patient's "Autorisations d'accès" row for this professional, authorised, unless one is there already. */
export async function ensureProfessionalAccess(personId: string, professionalId: string): Promise<void> {
  await sql`
    insert into professional_accesses (person_id, professional_id, status, status_since, consent_recorded_at)
    values (${personId}, ${professionalId}, 'authorised', '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z')
    on conflict do nothing`;
}
