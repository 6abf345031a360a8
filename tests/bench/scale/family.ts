import type { Random } from "./random";
import type { PlannedPerson } from "./population";
import type { RowSet } from "./rows";
import { outgoingMessages } from "@/db/schema";

export type FamilyContext = {
  now: Date;
  /** One argon2id hash of SCALE_PASSWORD, computed once: hashing 100,000 times would take half an hour. */
  passwordHash: string;
  /** One rendered notification letter: every postal letter row carries a real PDF's weight. */
  letterPdf: Uint8Array;
  /** The insurer's statement lines each new person gets on average (tests/bench/scale/reimbursements-family.ts). */
  statementLinesPerPerson: number;
  /**
   * The professionals who write to patients (tests/bench/scale/messaging-family.ts), by name:
   * inserted once before the first batch, as a professional's message names its sender.
   */
  professionalIds: ReadonlyMap<string, string>;
};

/**
 * One table family (a domain's tables and the messages its steps send): adds the rows of a batch
 * of people. Each family draws from its own random stream per person (`randomFor(name)`).
 */
export type TableFamily = {
  name: string;
  addRows: (people: readonly PlannedPerson[], rows: RowSet, context: FamilyContext) => void;
};

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

export function later(date: Date, milliseconds: number): Date {
  return new Date(date.getTime() + milliseconds);
}

/**
 * A message the provider accepted long ago: bodies erased as lib/delivery does once sent, so
 * only the subject and the trace remain.
 */
export function sentMessage(
  random: Random,
  message: { personId: string; channel: "email" | "sms"; recipient: string; template: string; subject: string | null; createdAt: Date },
): typeof outgoingMessages.$inferInsert {
  return {
    ...message,
    id: random.uuid(),
    textBody: null,
    htmlBody: null,
    attachments: null,
    status: "sent",
    attempts: 1,
    claimedAt: later(message.createdAt, 2_000),
    sentAt: later(message.createdAt, 3_000),
    providerMessageId: random.uuid(),
  };
}

/** Where a code for this person goes: e-mail when there is one, as the pages offer first. */
export function codeChannelOf(person: PlannedPerson["person"]): { channel: "email" | "sms"; recipient: string } | null {
  if (person.email) return { channel: "email", recipient: person.email };
  if (person.mobile) return { channel: "sms", recipient: person.mobile };
  return null;
}

/**
 * Subjects come from lib/delivery/templates, so the data set says what the app sends; composing
 * a whole message per row would cost more than everything else, and a subject depends on little.
 */
export function memoize<Key, Value>(compute: (key: Key) => Value): (key: Key) => Value {
  const cache = new Map<Key, Value>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key) as Value;
  };
}
