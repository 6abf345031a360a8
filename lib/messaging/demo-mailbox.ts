import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, conversations, documents, insuredPersons, professionalAccesses, professionals, spaces } from "@/db/schema";
import { professionalActorOf } from "@/lib/access/actor";
import { formatDateFr } from "@/lib/format";
import { DEMO_PROFESSIONALS } from "@/lib/professionals/demo-directory";
import { recordConsent } from "@/lib/professional-access/consent";
import { depositDocument } from "@/lib/professional-access/deposit";
import { openPatientRecord } from "@/lib/professional-access/reading";
import { DEMO_ACTIVE_NIR } from "@/lib/register/demo-register";
import { startConversationAsProfessional } from "./mailbox";

export const DEMO_CONVERSATION_SUBJECT = "Vos résultats d'analyses";
const DEMO_DOCUMENT_TITLE = "Compte rendu de consultation";

export type DemoMailboxResult = { status: "seeded" | "already-there" | "no-demo-patient" | "no-demo-professional" };

/**
 * A one-page PDF that says what it is: the attachment a newcomer opens from the demo message.
 * Written by hand (the PDF's cross-reference table lists each object's byte offset), so that the
 * seed needs no renderer for a dozen lines.
 */
export function demoResultsPdf(): Buffer {
  const text = "BT /F1 14 Tf 72 760 Td (Resultats d'analyses - document de demonstration) Tj ET";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/**
 * The demo active patient's first exchanges with the demo doctor (npm run db:seed), through the
 * same lib functions as the pages, so that each step leaves what a real one does: the consent
 * and the record's reading in « Historique d'activité », a document added (« Nouveau document »
 * notification), then a message with its attachment (« Nouveau message »); the first reading also
 * notifies the patient. Idempotent: once the doctor's conversation is there nothing is added; a
 * step already made (the document) is not made again.
 */
export async function seedDemoMailbox(now = new Date()): Promise<DemoMailboxResult> {
  const db = getDb();
  const [patient] = await db
    .select({ personId: insuredPersons.id, status: spaces.status })
    .from(insuredPersons)
    .innerJoin(spaces, eq(spaces.personId, insuredPersons.id))
    .where(eq(insuredPersons.nir, DEMO_ACTIVE_NIR))
    .limit(1);
  if (!patient || patient.status !== "active") return { status: "no-demo-patient" };
  const demo = DEMO_PROFESSIONALS[0]!;
  const [row] = await db
    .select({ professional: professionals, accountId: accounts.id })
    .from(professionals)
    .innerJoin(accounts, eq(accounts.professionalId, professionals.id))
    .where(eq(professionals.rpps, demo.rpps))
    .limit(1);
  if (!row) return { status: "no-demo-professional" };
  const { personId } = patient;
  const professionalId = row.professional.id;
  const [existing] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.personId, personId), eq(conversations.professionalId, professionalId)))
    .limit(1);
  if (existing) return { status: "already-there" };

  // The seed acts as the doctor would from /pro, without a login of theirs: a session id of its own.
  const actor = professionalActorOf({ sessionId: randomUUID(), accountId: row.accountId, professional: row.professional });
  const [access] = await db
    .select({ status: professionalAccesses.status })
    .from(professionalAccesses)
    .where(and(eq(professionalAccesses.personId, personId), eq(professionalAccesses.professionalId, professionalId)))
    .limit(1);
  if (!access) {
    const consent = await recordConsent({ actor, personId, now });
    if (consent.status !== "recorded") throw new Error(`demo consent not recorded: ${consent.status}`);
    await openPatientRecord({ actor, personId, now });
  } else if (access.status !== "authorised") {
    // The demo patient blocked or withdrew the doctor: their choice stands, no message is forced on them.
    return { status: "already-there" };
  }

  const [document] = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.personId, personId), eq(documents.authorProfessionalId, professionalId), eq(documents.title, DEMO_DOCUMENT_TITLE)))
    .limit(1);
  if (!document) {
    const deposited = await depositDocument({
      actor,
      personId,
      values: { title: DEMO_DOCUMENT_TITLE, documentDate: formatDateFr(now), typeCode: "11488-4" },
      file: { name: "compte-rendu.pdf", bytes: demoResultsPdf() },
      now,
    });
    if (deposited.status !== "added") throw new Error(`demo document not added: ${JSON.stringify(deposited)}`);
  }

  const sent = await startConversationAsProfessional({
    actor,
    personId,
    values: {
      subject: DEMO_CONVERSATION_SUBJECT,
      body: "Bonjour,\n\nVos résultats sont arrivés : vous les trouverez en pièce jointe. Ils ne montrent rien d'inquiétant ; nous en reparlerons à votre prochaine consultation.\n\nBien cordialement,\nDr Anne Leroy",
    },
    form: { files: [{ name: "resultats-analyses.pdf", bytes: demoResultsPdf() }] },
    now,
  });
  if (sent.status !== "sent") throw new Error(`demo message not sent: ${JSON.stringify(sent)}`);
  return { status: "seeded" };
}
