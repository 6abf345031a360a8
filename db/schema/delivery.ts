import { customType, index, integer, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, instant } from "./columns";
import { insuredPersons } from "./register";

export const deliveryChannelEnum = pgEnum("delivery_channel", ["email", "sms"]);
/**
 * outbox: kept here for a person to read at /dev/outbox (no provider configured);
 * pending: waiting for its provider; sending: claimed by a delivery run (reclaimed if that run
 * died); sent: accepted by the provider; failed: refused, retried while attempts remain.
 */
export const deliveryStatusEnum = pgEnum("delivery_status", ["outbox", "pending", "sending", "sent", "failed"]);

/** An e-mail attachment as stored until it is sent: the bytes in base64. */
export type StoredAttachment = { filename: string; contentType: string; base64: string };

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * Every e-mail and SMS, written in the same transaction as the step that causes it, so a
 * rolled-back step sends nothing and a replayed one cannot send twice. A provider's body is
 * erased once sent: codes must not linger in the database.
 */
export const outgoingMessages = pgTable(
  "outgoing_messages",
  {
    id: id(),
    personId: uuid().references(() => insuredPersons.id),
    channel: deliveryChannelEnum().notNull(),
    recipient: text().notNull(),
    /** Template name, e.g. "provisional-code"; useful to find a message without reading it. */
    template: text().notNull(),
    subject: text(),
    textBody: text(),
    htmlBody: text(),
    attachments: jsonb().$type<StoredAttachment[]>(),
    status: deliveryStatusEnum().notNull(),
    /** Tries made with the provider so far. */
    attempts: integer().notNull().default(0),
    /** When a delivery run took the row; a row left "sending" long after was abandoned by a dead run. */
    claimedAt: instant(),
    /** A failed row is tried again from this instant, while attempts remain. */
    nextAttemptAt: instant(),
    /** The provider's last refusal (status and message, never the body). */
    lastError: text(),
    providerMessageId: text(),
    createdAt: instant().notNull().defaultNow(),
    sentAt: instant(),
  },
  (table) => [
    index().on(table.status, table.createdAt),
    index().on(table.personId),
    index().on(table.recipient, table.createdAt),
  ],
);

/** Postal letters rendered as PDF, waiting to be printed and posted by the insurer. */
export const postalLetters = pgTable(
  "postal_letters",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    kind: text().notNull(),
    postalAddress: text().notNull(),
    pdf: bytea().notNull(),
    createdAt: instant().notNull().defaultNow(),
    printedAt: instant(),
  },
  (table) => [index().on(table.personId)],
);
