import "server-only";
import { and, asc, eq, gte, inArray, lt, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import { type Executor, getDb } from "@/db/client";
import { type StoredAttachment, outgoingMessages, postalLetters } from "@/db/schema";
import { type DeliveryChannel, type Settings, getSettings, isOutboxUsedFor } from "@/lib/env";
import { after } from "next/server";
import type { EmailContent, SmsContent } from "./message-blocks";
import { type TransportResult, sendEmailWithResend, sendSmsWithBrevo } from "./transports";

/**
 * The one way the service sends e-mails and SMS. A step queues its messages in its own
 * transaction (so a rolled-back step sends nothing and a replayed one cannot send twice); once
 * committed, `deliverPendingMessages` hands them to the providers, or they stay in the local
 * outbox (/dev/outbox) when the channel has no provider.
 */

export type EmailAttachment = { filename: string; contentType: string; content: Uint8Array };

export type QueuedEmail = {
  personId?: string;
  to: string;
  /** Template name, e.g. "provisional-code": lets a message be found without reading it. */
  template: string;
  subject: string;
  text: string;
  html: string;
  attachments?: EmailAttachment[];
};

export type QueuedSms = { personId?: string; to: string; template: string; text: string };

/** Attempts before a message is given up (its body then erased too). */
export const MAX_DELIVERY_ATTEMPTS = 5;
/** Wait before the next attempt, after the 1st, 2nd, … failure. */
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000];
/** A row claimed longer ago than this belongs to a run that died: it may be claimed again. */
const CLAIM_LEASE_MS = 10 * 60_000;
/** Rows claimed at once: small, so a batch is sent well within the lease. */
const CLAIM_BATCH_SIZE = 10;
const DEFAULT_LIMIT = 100;

const templateName = z.string().regex(/^[a-z0-9-]+$/, "template names are kebab-case");

const queuedEmailSchema = z.object({
  personId: z.uuid().optional(),
  to: z.email(),
  template: templateName,
  subject: z.string().min(1),
  text: z.string().min(1),
  html: z.string().min(1),
  attachments: z
    .array(z.object({ filename: z.string().min(1), contentType: z.string().min(1), content: z.instanceof(Uint8Array) }))
    .optional(),
});

const queuedSmsSchema = z.object({
  personId: z.uuid().optional(),
  to: z.string().regex(/^\+[1-9]\d{7,14}$/, "an SMS goes to an E.164 number, e.g. +33612345678"),
  template: templateName,
  text: z.string().min(1),
});

function initialStatus(channel: DeliveryChannel): "outbox" | "pending" {
  return isOutboxUsedFor(channel) ? "outbox" : "pending";
}

/** Queues an e-mail in the caller's transaction; it leaves once that transaction has committed. */
export async function queueEmail(executor: Executor, message: QueuedEmail): Promise<void> {
  const email = queuedEmailSchema.parse(message);
  const attachments: StoredAttachment[] | null = email.attachments?.length
    ? email.attachments.map(({ filename, contentType, content }) => ({
        filename,
        contentType,
        base64: Buffer.from(content).toString("base64"),
      }))
    : null;
  await executor.insert(outgoingMessages).values({
    personId: email.personId,
    channel: "email",
    recipient: email.to,
    template: email.template,
    subject: email.subject,
    textBody: email.text,
    htmlBody: email.html,
    attachments,
    status: initialStatus("email"),
  });
}

/** Queues an SMS in the caller's transaction; it leaves once that transaction has committed. */
export async function queueSms(executor: Executor, message: QueuedSms): Promise<void> {
  const sms = queuedSmsSchema.parse(message);
  await executor.insert(outgoingMessages).values({
    personId: sms.personId,
    channel: "sms",
    recipient: sms.to,
    template: sms.template,
    textBody: sms.text,
    status: initialStatus("sms"),
  });
}

/**
 * Whoever the service writes to about their account: the contact details on file, either may be
 * missing; `personId` files the message under the insured person, when the account is one's.
 */
export type AccountHolder = { personId: string | null; email: string | null; mobile: string | null };

/**
 * Queues a message about an account to its holder, in the caller's transaction: by e-mail if an
 * address is on file, else by SMS, else not at all. Returns the channel used.
 */
export async function notifyAccountHolder(
  executor: Executor,
  holder: AccountHolder,
  message: { template: string; email: EmailContent; sms: SmsContent },
): Promise<"email" | "sms" | null> {
  if (holder.email) {
    await queueEmail(executor, { personId: holder.personId ?? undefined, to: holder.email, template: message.template, ...message.email });
    return "email";
  }
  if (holder.mobile) {
    await queueSms(executor, { personId: holder.personId ?? undefined, to: holder.mobile, template: message.template, ...message.sms });
    return "sms";
  }
  return null;
}

/**
 * Stores a postal letter (a PDF) for the insurer to print and post, in the caller's
 * transaction. In the outbox it can be read at /dev/outbox.
 */
export async function queuePostalLetter(
  executor: Executor,
  letter: { personId: string; kind: string; postalAddress: string; pdf: Uint8Array },
): Promise<{ id: string }> {
  const [row] = await executor
    .insert(postalLetters)
    .values({ personId: letter.personId, kind: letter.kind, postalAddress: letter.postalAddress, pdf: letter.pdf })
    .returning({ id: postalLetters.id });
  if (!row) throw new Error("postal letter not stored");
  return row;
}

type ClaimedMessage = typeof outgoingMessages.$inferSelect;

/** The bodies are erased once a message has left (or was given up): codes must not linger. */
const ERASED_BODIES = { textBody: null, htmlBody: null, attachments: null } as const;

function channelsWithProvider(settings: Settings): DeliveryChannel[] {
  return (["email", "sms"] as const).filter((channel) => !isOutboxUsedFor(channel, settings));
}

/**
 * Takes up to `size` messages due for sending and marks them "sending", atomically: two runs
 * at once (two app servers, the jobs command) never take the same row.
 */
async function claimBatch(channels: DeliveryChannel[], size: number, now: Date): Promise<ClaimedMessage[]> {
  const db = getDb();
  const staleClaim = new Date(now.getTime() - CLAIM_LEASE_MS);
  const due = db
    .select({ id: outgoingMessages.id })
    .from(outgoingMessages)
    .where(
      and(
        inArray(outgoingMessages.channel, channels),
        or(
          eq(outgoingMessages.status, "pending"),
          and(eq(outgoingMessages.status, "failed"), lte(outgoingMessages.nextAttemptAt, now)),
          and(
            eq(outgoingMessages.status, "sending"),
            lt(outgoingMessages.claimedAt, staleClaim),
            lt(outgoingMessages.attempts, MAX_DELIVERY_ATTEMPTS),
          ),
        ),
      ),
    )
    .orderBy(asc(outgoingMessages.createdAt))
    .limit(size)
    .for("update", { skipLocked: true });
  return db
    .update(outgoingMessages)
    .set({ status: "sending", claimedAt: now, attempts: sql`${outgoingMessages.attempts} + 1` })
    .where(inArray(outgoingMessages.id, due))
    .returning();
}

/** Rows whose run died on their last allowed attempt: given up, like any exhausted row. */
async function giveUpAbandonedMessages(now: Date): Promise<void> {
  await getDb()
    .update(outgoingMessages)
    .set({ status: "failed", lastError: "delivery run interrupted", nextAttemptAt: null, ...ERASED_BODIES })
    .where(
      and(
        eq(outgoingMessages.status, "sending"),
        lt(outgoingMessages.claimedAt, new Date(now.getTime() - CLAIM_LEASE_MS)),
        gte(outgoingMessages.attempts, MAX_DELIVERY_ATTEMPTS),
      ),
    );
}

async function send(settings: Settings, message: ClaimedMessage): Promise<TransportResult> {
  if (message.textBody === null) {
    return { isAccepted: false, error: "no body left to send", isRetryable: false };
  }
  try {
    if (message.channel === "email") {
      return await sendEmailWithResend(settings, {
        id: message.id,
        to: message.recipient,
        subject: message.subject ?? "",
        text: message.textBody,
        html: message.htmlBody ?? "",
        attachments: message.attachments ?? [],
      });
    }
    return await sendSmsWithBrevo(settings, { id: message.id, to: message.recipient, text: message.textBody });
  } catch (error) {
    return { isAccepted: false, error: `unexpected error: ${(error as Error).message}`, isRetryable: true };
  }
}

function retryDelayAfter(attempts: number): number {
  return RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1] ?? 60_000;
}

async function recordResult(message: ClaimedMessage, claimedAt: Date, result: TransportResult, now: Date): Promise<void> {
  // Only the run that holds the claim records its outcome.
  const isOurClaim = and(
    eq(outgoingMessages.id, message.id),
    eq(outgoingMessages.status, "sending"),
    eq(outgoingMessages.claimedAt, claimedAt),
  );
  if (result.isAccepted) {
    await getDb()
      .update(outgoingMessages)
      .set({
        status: "sent",
        sentAt: now,
        providerMessageId: result.providerMessageId,
        lastError: null,
        nextAttemptAt: null,
        ...ERASED_BODIES,
      })
      .where(isOurClaim);
    return;
  }
  const isGivenUp = !result.isRetryable || message.attempts >= MAX_DELIVERY_ATTEMPTS;
  await getDb()
    .update(outgoingMessages)
    .set(
      isGivenUp
        ? { status: "failed", lastError: result.error, nextAttemptAt: null, ...ERASED_BODIES }
        : {
            status: "failed",
            lastError: result.error,
            nextAttemptAt: new Date(now.getTime() + retryDelayAfter(message.attempts)),
          },
    )
    .where(isOurClaim);
  console.error(
    `[delivery] ${message.channel} ${message.id} (${message.template}) attempt ${message.attempts} failed` +
      `${isGivenUp ? ", given up" : ", will retry"}: ${result.error}`,
  );
}

/** Messages a step queues at most: one answer's delivery never turns into a whole run's. */
const AFTER_STEP_LIMIT = 5;

/**
 * The one way a server action hands what its step queued to the providers: once the answer has
 * left (Next.js `after`), so that neither the provider's speed nor whether anything was sent
 * shows in the response time. What fails here is retried by the jobs command.
 */
export function deliverAfterResponse(): void {
  after(() => deliverPendingMessages({ limit: AFTER_STEP_LIMIT }));
}

/**
 * Sends the messages waiting for a provider: called after each committed step and by the jobs
 * command. A refused message is retried later (up to MAX_DELIVERY_ATTEMPTS); never throws for a
 * provider's failure. `now` lets tests move time forward.
 */
export async function deliverPendingMessages(
  options: { limit?: number; now?: Date } = {},
): Promise<{ sent: number; failed: number }> {
  const settings = getSettings();
  const channels = channelsWithProvider(settings);
  const counts = { sent: 0, failed: 0 };
  if (channels.length === 0) return counts;
  const clock = () => options.now ?? new Date();
  await giveUpAbandonedMessages(clock());

  let remaining = options.limit ?? DEFAULT_LIMIT;
  while (remaining > 0) {
    const claimedAt = clock();
    const batch = await claimBatch(channels, Math.min(remaining, CLAIM_BATCH_SIZE), claimedAt);
    if (batch.length === 0) break;
    remaining -= batch.length;
    for (const message of batch) {
      const result = await send(settings, message);
      await recordResult(message, claimedAt, result, clock());
      if (result.isAccepted) counts.sent += 1;
      else counts.failed += 1;
    }
  }
  return counts;
}
