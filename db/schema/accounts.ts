import { integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { instant, lifecycleDates } from "./columns";
import { insuredPersons } from "./register";

/** The login of an activated space: one per person. */
export const accounts = pgTable("accounts", {
  personId: uuid()
    .primaryKey()
    .references(() => insuredPersons.id),
  /** 8–100 characters of [0-9a-z._-]; unique. */
  identifier: text().notNull().unique(),
  /** argon2id PHC string (m=19456 KiB, t=2, p=1). */
  passwordHash: text().notNull(),
  /** Contact details verified by the person at activation; login codes go there. */
  email: text(),
  mobile: text(),
  passwordChangedAt: instant().notNull().defaultNow(),
  /** Wrong passwords and wrong login codes in a row; reset by a successful login. */
  consecutiveFailures: integer().notNull().default(0),
  /** Locks taken so far: each lock lasts longer than the previous one. Reset by a successful login. */
  lockCount: integer().notNull().default(0),
  lockedUntil: instant(),
  /** The last failure: a run of failures (and the lock count) is forgotten 30 days after it. */
  lastFailureAt: instant(),
  ...lifecycleDates,
});
