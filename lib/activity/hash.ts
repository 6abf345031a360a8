import { createHash } from "node:crypto";
import type { ActivityEventRow } from "@/db/schema/activity";

/** Everything a hash covers: every column but the hash itself. */
export type HashedActivityFields = Omit<ActivityEventRow, "hash">;

/** Changes only with a new way of hashing; verification then reads the version from the row. */
const CANONICAL_VERSION = "mes-activity-v1";

/**
 * The canonical serialisation: a JSON array in a fixed order, ids in lower case, the instant in
 * ISO 8601 UTC to the millisecond (what JavaScript writes and reads back unchanged), absent values
 * as null. Any change to a stored column changes the string, hence the hash.
 */
export function canonicalActivity(event: HashedActivityFields): string {
  return JSON.stringify([
    CANONICAL_VERSION,
    event.id.toLowerCase(),
    event.subjectPersonId.toLowerCase(),
    event.sequence,
    event.at.toISOString(),
    event.actorKind,
    event.actorAccountId?.toLowerCase() ?? null,
    event.actorName,
    event.onBehalfOf,
    event.action,
    event.group,
    event.targetType ?? null,
    event.targetId?.toLowerCase() ?? null,
    event.isEmergency,
    event.previousHash ?? null,
  ]);
}

/** SHA-256, hex, of the canonical serialisation: chained, since it includes the previous hash. */
export function hashActivity(event: HashedActivityFields): string {
  return createHash("sha256").update(canonicalActivity(event), "utf8").digest("hex");
}
