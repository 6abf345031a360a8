import { index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, instant } from "./columns";
import { insuredPersons } from "./register";

export const senderKindEnum = pgEnum("sender_kind", ["service", "professional", "patient"]);

/** A conversation in the patient's secure mailbox; only a professional (or the service) starts one. */
export const conversations = pgTable(
  "conversations",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    subject: text().notNull(),
    /** Who the patient talks with, as shown in the list ("Mon espace santé", "Dr …"). */
    counterpartName: text().notNull(),
    lastMessageAt: instant().notNull(),
    createdAt: instant().notNull().defaultNow(),
  },
  (table) => [index().on(table.personId, table.lastMessageAt)],
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
    senderName: text().notNull(),
    body: text().notNull(),
    sentAt: instant().notNull(),
    /** Read by the patient; null while unread (bold in the list, dot on "Messagerie"). */
    readAt: instant(),
  },
  (table) => [index().on(table.conversationId, table.sentAt), index().on(table.personId, table.readAt)],
);
