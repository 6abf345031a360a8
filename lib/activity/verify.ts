import "server-only";
import { asc, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type ActivityEventRow, activityEvents } from "@/db/schema/activity";
import { hashActivity } from "./hash";

export type ChainBreak = {
  subjectPersonId: string;
  eventId: string;
  sequence: number;
  /**
   * altered: the row's content no longer gives its hash (changed behind the triggers' back);
   * unlinked: its previous hash is not the hash of the subject's previous event (one was changed or removed);
   * missing: its sequence number skips one or more events (removed).
   */
  reason: "altered" | "unlinked" | "missing";
};

export type ChainReport = { subjects: number; events: number; breaks: ChainBreak[] };

const BATCH_SIZE = 1000;

/**
 * Walks every subject's chain in order and reports each break. After a break the walk goes on
 * from the row as it is, so that one tampered row is reported once, not with everything after it.
 */
export async function verifyActivityChains(executor: Executor): Promise<ChainReport> {
  const report: ChainReport = { subjects: 0, events: 0, breaks: [] };
  type Position = { subjectPersonId: string; sequence: number; hash: string };
  let current: Position | null = null;
  for (;;) {
    const after: Position | null = current;
    const rows: ActivityEventRow[] = await executor
      .select()
      .from(activityEvents)
      .where(
        after
          ? sql`(${activityEvents.subjectPersonId}, ${activityEvents.sequence}) > (${after.subjectPersonId}::uuid, ${after.sequence}::integer)`
          : undefined,
      )
      .orderBy(asc(activityEvents.subjectPersonId), asc(activityEvents.sequence))
      .limit(BATCH_SIZE);
    for (const row of rows) {
      const previous: Position | null = current?.subjectPersonId === row.subjectPersonId ? current : null;
      if (!previous) report.subjects += 1;
      const expectedSequence: number = previous ? previous.sequence + 1 : 1;
      const expectedPrevious: string | null = previous ? previous.hash : null;
      const found = { subjectPersonId: row.subjectPersonId, eventId: row.id, sequence: row.sequence };
      if (row.sequence !== expectedSequence) report.breaks.push({ ...found, reason: "missing" });
      else if (row.previousHash !== expectedPrevious) report.breaks.push({ ...found, reason: "unlinked" });
      const { hash, ...content } = row;
      if (hashActivity(content) !== hash) report.breaks.push({ ...found, reason: "altered" });
      report.events += 1;
      current = { subjectPersonId: row.subjectPersonId, sequence: row.sequence, hash };
    }
    if (rows.length < BATCH_SIZE) return report;
  }
}
