import { customType, index, integer, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, instant } from "./columns";
import { insuredPersons } from "./register";

export const deliveryChannelEnum = pgEnum("delivery_channel", ["email", "sms"]);
/**
 * outbox: kept here for a person to read at /dev/outbox (no provider configured);
 * pending: waiting for its provider; sent / failed: the provider's answer.
 */
export const deliveryStatusEnum = pgEnum("delivery_status", ["outbox", "pending", "sent", "failed"]);

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
    status: deliveryStatusEnum().notNull(),
    attempts: integer().notNull().default(0),
    providerMessageId: text(),
    createdAt: instant().notNull().defaultNow(),
    sentAt: instant(),
  },
  (table) => [index().on(table.status, table.createdAt), index().on(table.personId)],
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
