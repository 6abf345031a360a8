import { sql } from "drizzle-orm";
import { boolean, check, index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, instant, lifecycleDates } from "./columns";
import { insuredPersons } from "./register";

/**
 * What a notification is about (reference mes-data-model §8.2 lists the real service's codes:
 * AJOUT_DOCUMENT, RECEPTION_MESSAGE, ACCES_DMP_PS, ACCES_BRIS_GLACE, RAPPEL_RDV_USAGER,
 * RAPPEL_AGENDA, RAPPEL_RDV_PREV…). lib/notifications/kinds.ts gives each its wording and e-mail topic.
 */
export const notificationKindEnum = pgEnum("notification_kind", [
  "document_added",
  "message_received",
  "professional_access",
  "emergency_access",
  "appointment_reminder",
  "agenda_reminder",
  "preventive_item_due",
]);

/**
 * The notification centre: one row per thing that arrived in a profile's space. Notifications
 * are the service's messages to the person, not data they entered: deleting one removes the row.
 * They carry a title and a link into the space, never more health content than the item itself
 * shows to whoever may open the profile.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    /** Whose profile it arrived in (a child's for their parents, an adult's for themself). */
    personId: uuid()
      .notNull()
      .references(() => insuredPersons.id),
    kind: notificationKindEnum().notNull(),
    /** The line shown in the centre, e.g. "Nouveau document : Compte rendu de consultation". */
    title: text().notNull(),
    /** Where "Voir …" leads: a path inside the space, always starting with "/". */
    path: text().notNull(),
    /** Who caused it ("Dr Anne Leroy"), when someone did. */
    actorName: text(),
    /** What it is about, as in activity events: ("document", <id>), ("conversation", <id>)… */
    targetType: text(),
    targetId: uuid(),
    /**
     * A job's notification says once what it is for (e.g. "appointment-reminder:<id>:<day>"): a
     * second run finds the key taken and neither notifies nor e-mails again.
     */
    dedupeKey: text(),
    createdAt: instant().notNull().defaultNow(),
    readAt: instant(),
  },
  (table) => [
    index("notifications_person_created_index").on(table.personId, table.createdAt.desc(), table.id.desc()),
    index("notifications_person_unread_index").on(table.personId).where(sql`${table.readAt} is null`),
    uniqueIndex("notifications_dedupe_key_index").on(table.dedupeKey),
    check("notifications_path_is_internal", sql`${table.path} like '/%' and ${table.path} not like '//%'`),
  ],
);

/**
 * The e-mail switches of one profile (reference mes-data-model §8.1). No row: every switch on.
 * Professional-access and emergency-access e-mails have no switch: they are always sent.
 */
export const emailPreferences = pgTable("email_preferences", {
  personId: uuid()
    .primaryKey()
    .references(() => insuredPersons.id),
  /** "Documents": a document added to the profile by someone else. */
  newDocument: boolean().notNull().default(true),
  /** "Messagerie": each message received. */
  newMessage: boolean().notNull().default(true),
  /** "Examens médicaux et vaccinations": reminders of the agenda and of the preventive calendar. */
  prevention: boolean().notNull().default(true),
  /** "Dépistages organisés des cancers". */
  screenings: boolean().notNull().default(true),
  /** "Services synchronisés": the e-mail listing connected services. */
  connectedServices: boolean().notNull().default(true),
  ...lifecycleDates,
});
