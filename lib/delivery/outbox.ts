import "server-only";
import { and, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { isUuid } from "@/lib/validation";
import { getDb } from "@/db/client";
import { insuredPersons, outgoingMessages, postalLetters } from "@/db/schema";
import { isOutboxEnabled } from "@/lib/env";
import { displayName } from "@/lib/register/person-name";

/**
 * Reading the local outbox (/dev/outbox): the e-mails and SMS kept instead of being sent, and
 * the postal letters. Only while the outbox is in use: elsewhere these hold real people's codes.
 */

const DEFAULT_LIMIT = 100;

export type OutboxMessage = {
  id: string;
  channel: "email" | "sms";
  recipient: string;
  template: string;
  subject: string | null;
  textBody: string | null;
  attachmentNames: string[];
  createdAt: Date;
};

export type OutboxLetter = {
  id: string;
  kind: string;
  personName: string;
  postalAddress: string;
  createdAt: Date;
};

function assertOutboxEnabled(): void {
  if (!isOutboxEnabled()) throw new Error("The local outbox is not in use");
}

function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * What a person may type to find a recipient: the value itself and, for a French mobile (or its
 * beginning) written nationally ("06 99 00"), the E.164 form it is stored in.
 */
function recipientPatterns(filter: string): string[] {
  const trimmed = filter.trim();
  const patterns = new Set([trimmed]);
  const digits = trimmed.replace(/[\s.-]/g, "");
  if (/^\+?\d+$/.test(digits)) patterns.add(digits);
  if (/^0\d+$/.test(digits)) patterns.add(`+33${digits.slice(1)}`);
  return [...patterns].map(containsPattern);
}

/** The outbox's e-mails and SMS, newest first, optionally those whose recipient contains `recipient`. */
export async function listOutboxMessages(options: { recipient?: string; limit?: number } = {}): Promise<OutboxMessage[]> {
  assertOutboxEnabled();
  const filters: SQL[] = [eq(outgoingMessages.status, "outbox")];
  if (options.recipient?.trim()) {
    const matches = recipientPatterns(options.recipient).map((pattern) => ilike(outgoingMessages.recipient, pattern));
    const anyMatch = or(...matches);
    if (anyMatch) filters.push(anyMatch);
  }
  const rows = await getDb()
    .select({
      id: outgoingMessages.id,
      channel: outgoingMessages.channel,
      recipient: outgoingMessages.recipient,
      template: outgoingMessages.template,
      subject: outgoingMessages.subject,
      textBody: outgoingMessages.textBody,
      attachments: outgoingMessages.attachments,
      createdAt: outgoingMessages.createdAt,
    })
    .from(outgoingMessages)
    .where(and(...filters))
    .orderBy(desc(outgoingMessages.createdAt), desc(outgoingMessages.id))
    .limit(options.limit ?? DEFAULT_LIMIT);
  return rows.map(({ attachments, ...row }) => ({
    ...row,
    attachmentNames: (attachments ?? []).map((attachment) => attachment.filename),
  }));
}

/** The postal letters, newest first, optionally those whose addressee's name or address contains `recipient`. */
export async function listOutboxLetters(options: { recipient?: string; limit?: number } = {}): Promise<OutboxLetter[]> {
  assertOutboxEnabled();
  const search = options.recipient?.trim();
  const pattern = search ? containsPattern(search) : null;
  const filter = pattern
    ? or(
        ilike(postalLetters.postalAddress, pattern),
        ilike(insuredPersons.birthName, pattern),
        ilike(insuredPersons.usageName, pattern),
        ilike(insuredPersons.firstNames, pattern),
      )
    : undefined;
  const rows = await getDb()
    .select({
      id: postalLetters.id,
      kind: postalLetters.kind,
      postalAddress: postalLetters.postalAddress,
      createdAt: postalLetters.createdAt,
      firstNames: insuredPersons.firstNames,
      birthName: insuredPersons.birthName,
      usageName: insuredPersons.usageName,
    })
    .from(postalLetters)
    .innerJoin(insuredPersons, eq(insuredPersons.id, postalLetters.personId))
    .where(filter)
    .orderBy(desc(postalLetters.createdAt), desc(postalLetters.id))
    .limit(options.limit ?? DEFAULT_LIMIT);
  return rows.map(({ firstNames, birthName, usageName, ...row }) => ({
    ...row,
    personName: displayName({ firstNames, birthName, usageName }),
  }));
}

/** A postal letter's PDF, or null when there is none with this id. */
export async function findOutboxLetterPdf(id: string): Promise<Uint8Array | null> {
  assertOutboxEnabled();
  if (!isUuid(id)) return null;
  const [row] = await getDb().select({ pdf: postalLetters.pdf }).from(postalLetters).where(eq(postalLetters.id, id));
  return row?.pdf ?? null;
}
