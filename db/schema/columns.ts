import { timestamp, uuid } from "drizzle-orm/pg-core";

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
