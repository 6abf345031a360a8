import { index, integer, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { id, instant, lockColumns } from "./columns";
import { insuredPersons } from "./register";

/**
 * A server-side session. The Auth.js JWT carries only its id, so logging out, changing the
 * password or "se déconnecter de tous les appareils" revoke it at once.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id),
    /**
     * The space chosen with "Changer de profil"; null: the account's own. Only a live
     * representation of this account opens it, checked on every request (lib/access/actor.ts).
     */
    currentSubjectPersonId: uuid().references(() => insuredPersons.id),
    createdAt: instant().notNull().defaultNow(),
    /** Moved forward by activity; the session dies after 15 idle minutes. */
    lastActiveAt: instant().notNull().defaultNow(),
    /** Absolute end: 12 hours after login, whatever the activity. */
    expiresAt: instant().notNull(),
    revokedAt: instant(),
    /** logout, password-change, logout-everywhere, … */
    revokedReason: text(),
    userAgent: text(),
  },
  (table) => [index().on(table.accountId)],
);

export const challengePurposeEnum = pgEnum("challenge_purpose", ["login", "password-reset"]);
export const challengeChannelEnum = pgEnum("challenge_channel", ["email", "sms"]);

/**
 * One login attempt (or password reset), bound to the browser by a random token in an HttpOnly
 * cookie (only its hash is stored). Its one-time code is bound to it: a code from another attempt
 * never opens this one.
 */
export const authChallenges = pgTable(
  "auth_challenges",
  {
    id: id(),
    tokenHash: text().notNull().unique(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id),
    purpose: challengePurposeEnum().notNull(),
    /** Login: the password matched. Reset: NIR, birth date and Vitale serial matched. */
    firstFactorAt: instant().notNull(),
    channel: challengeChannelEnum(),
    /** HMAC of the current code; replaced on resend. */
    codeHash: text(),
    codeSentAt: instant(),
    codeExpiresAt: instant(),
    failedCodeAttempts: integer().notNull().default(0),
    codeVerifiedAt: instant(),
    completedAt: instant(),
    expiresAt: instant().notNull(),
    createdAt: instant().notNull().defaultNow(),
  },
  (table) => [index().on(table.accountId, table.createdAt)],
);

/**
 * Failures typed against identifiers that belong to no account. They follow the same rules as
 * an account's lock (the same lockColumns), so that the login
 * page answers an unknown identifier exactly as it answers a known one, lock message included:
 * the lock cannot be used to find out which identifiers exist.
 */
export const unknownIdentifierLockouts = pgTable("unknown_identifier_lockouts", {
  /** HMAC of the identifier as typed (trimmed, lower case): what people type by mistake is not kept. */
  identifierHash: text().primaryKey(),
  /** Failures are forgotten 30 days after the last one, as an account's are; the row is then deleted. */
  ...lockColumns(),
});
