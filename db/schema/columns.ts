import { integer, timestamp, uuid } from "drizzle-orm/pg-core";

/** Primary key shared by every table: random, so ids reveal neither order nor volume. */
export const id = () => uuid().primaryKey().defaultRandom();

/** Every instant is stored in UTC; the interface shows it in Europe/Paris. */
export const instant = () => timestamp({ withTimezone: true, mode: "date" });

export const lifecycleDates = {
  createdAt: instant().notNull().defaultNow(),
  updatedAt: instant()
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

/**
 * The lockout state of a login (lib/auth/lockout.ts `LockState`): an account's, and an unknown
 * identifier's, which must follow the same rules column for column so that both answer alike.
 */
export const lockColumns = () => ({
  /** Wrong passwords and wrong login codes in a row; reset by a successful login. */
  consecutiveFailures: integer().notNull().default(0),
  /** Locks taken so far: each lock lasts longer than the previous one. Reset by a successful login. */
  lockCount: integer().notNull().default(0),
  lockedUntil: instant(),
  /** The last failure: a run of failures (and the lock count) is forgotten 30 days after it. */
  lastFailureAt: instant(),
});
