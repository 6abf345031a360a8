import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, instant } from "./columns";
import { bytea, documentStorageEnum, documents } from "./documents";
import { professionals } from "./professionals";
import { insuredPersons } from "./register";

export const senderKindEnum = pgEnum("sender_kind", ["service", "professional", "patient"]);

/**
 * A conversation in the patient's secure mailbox, between the patient and one professional (or
 * the service, for the welcome message). Only a professional starts one; the patient may open a
 * new one with a professional who already wrote to them (lib/messaging/rules.ts).
 */
export const conversations = pgTable(
  "conversations",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    /** The professional of the exchange; null for the service's own conversation (no reply possible). */
    professionalId: uuid().references(() => professionals.id),
    subject: text().notNull(),
    /** Who the patient talks with, as shown in the list ("Mon espace santé", "Dr …"). */
    counterpartName: text().notNull(),
    lastMessageAt: instant().notNull(),
    /**
     * Set when the professional closed the exchange ("[FIN]"): the patient cannot reply until the
     * professional writes again, which clears it.
     */
    closedAt: instant(),
    createdAt: instant().notNull().defaultNow(),
  },
  (table) => [
    index().on(table.personId, table.lastMessageAt),
    index().on(table.professionalId, table.lastMessageAt),
    check("conversations_closed_by_a_professional", sql`${table.closedAt} is null or ${table.professionalId} is not null`),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: id(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    senderKind: senderKindEnum().notNull(),
    /** The professional who wrote it (senderKind "professional"). */
    senderProfessionalId: uuid().references(() => professionals.id),
    senderName: text().notNull(),
    body: text().notNull(),
    sentAt: instant().notNull(),
    /** Read by the patient; null while unread (bold in the list, dot on "Messagerie"). The patient's own messages are read when sent. */
    readAt: instant(),
    /** Read by the professional of the conversation; their own messages are read when sent. */
    readByProfessionalAt: instant(),
  },
  (table) => [
    index().on(table.conversationId, table.sentAt),
    index().on(table.personId, table.readAt),
    index("messages_unread_by_professional").on(table.conversationId).where(sql`${table.readByProfessionalAt} is null`),
    check("messages_professional_sender_named", sql`(${table.senderKind} = 'professional') = (${table.senderProfessionalId} is not null)`),
    check("messages_own_messages_read", sql`${table.senderKind} <> 'patient' or ${table.readAt} is not null`),
    check("messages_professional_reads_own", sql`${table.senderKind} <> 'professional' or ${table.readByProfessionalAt} is not null`),
  ],
);

/**
 * A file sent with a message, encrypted at rest exactly as a document is (lib/documents/encryption.ts:
 * a fresh data key bound to this row's id and owner, wrapped by a master key) and kept in the
 * documents' stores. "Ajouter à mes documents" copies it into Documents; the attachment stays.
 */
export const messageAttachments = pgTable(
  "message_attachments",
  {
    id: id(),
    messageId: uuid()
      .notNull()
      .references(() => messages.id),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    fileName: text().notNull(),
    mediaType: text().notNull(),
    byteSize: integer().notNull(),
    storage: documentStorageEnum().notNull(),
    storageKey: text().notNull(),
    masterKeyId: text().notNull(),
    wrappedDataKey: bytea().notNull(),
    /** The document the patient last filed it as, if any (the page says it is in Documents). */
    savedDocumentId: uuid().references(() => documents.id, { onDelete: "set null" }),
    createdAt: instant().notNull(),
  },
  (table) => [
    index().on(table.messageId),
    index().on(table.storage, table.storageKey),
    check("message_attachments_not_empty", sql`${table.byteSize} > 0`),
  ],
);
