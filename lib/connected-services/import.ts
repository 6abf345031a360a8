import "server-only";
import { and, eq, isNull, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { connectedServices, serviceConnections } from "@/db/schema";
import { sortPurposes } from "./purposes";
import { type ServiceEntry, type ServiceFileError, readServiceFile } from "./service-file";

export type ServiceImportResult =
  | { status: "imported"; created: number; updated: number; reapprovalsRequired: number }
  | { status: "rejected"; errors: ServiceFileError[] };

/** Connections keep the purposes they had for 30 days after the service's change when the file gives no date. */
const DEFAULT_REAPPROVAL_DAYS = 30;

/** The deadline of a "JJ/MM/AAAA" given in the file: the end of that day in France (the page says "avant le lendemain"). */
function deadlineOf(entry: ServiceEntry, now: Date): Date {
  if (!entry.reapprovalDate) return new Date(now.getTime() + DEFAULT_REAPPROVAL_DAYS * 24 * 60 * 60 * 1000);
  // Midnight in Paris is 22:00 or 23:00 UTC the day before; 23:00 UTC of the given day keeps the whole day in either season.
  return new Date(`${entry.reapprovalDate}T23:00:00Z`);
}

/**
 * Loads the catalogue (`npm run services:import`) with the register import's rules: a file with
 * one bad line is refused whole, every bad line's reasons given, nothing written; otherwise, in one
 * transaction, new codes are added and known ones take the file's values. When a known service's
 * requested purposes change, its version goes up and its connections must be re-approved before
 * the deadline, or they lapse (lib/connected-services/decide.ts). Reference data: no activity event.
 */
export async function importServices(csvText: string, now: Date = new Date()): Promise<ServiceImportResult> {
  const file = readServiceFile(csvText);
  if (file.errors.length > 0) return { status: "rejected", errors: file.errors };
  return getDb().transaction(async (tx) => {
    let created = 0;
    let updated = 0;
    let reapprovalsRequired = 0;
    for (const entry of file.entries) {
      const values = {
        name: entry.name,
        publisher: entry.publisher,
        description: entry.description,
        category: entry.category,
        regions: entry.regions,
        thematics: entry.thematics,
        pricing: entry.pricing,
        status: entry.status,
        requestedPurposes: entry.requestedPurposes,
        redirectUris: entry.redirectUris,
      };
      const [known] = await tx.select().from(connectedServices).where(eq(connectedServices.code, entry.code)).for("update");
      if (!known) {
        await tx.insert(connectedServices).values({ code: entry.code, ...values });
        created += 1;
        continue;
      }
      const purposesChanged = sortPurposes(known.requestedPurposes).join(" ") !== entry.requestedPurposes.join(" ");
      const isSame =
        !purposesChanged &&
        JSON.stringify([known.name, known.publisher, known.description, known.category, known.regions, known.thematics, known.pricing, known.status, known.redirectUris]) ===
          JSON.stringify([values.name, values.publisher, values.description, values.category, values.regions, values.thematics, values.pricing, values.status, values.redirectUris]);
      if (isSame) continue;
      await tx
        .update(connectedServices)
        .set({
          ...values,
          ...(purposesChanged ? { purposesVersion: known.purposesVersion + 1, reapprovalDeadline: deadlineOf(entry, now) } : {}),
        })
        .where(eq(connectedServices.id, known.id));
      if (purposesChanged && known.reapprovalDeadline && known.reapprovalDeadline <= now) {
        // The new deadline is for this change; connections that missed the last one stay lapsed.
        await tx
          .update(serviceConnections)
          .set({ lapsedAt: known.reapprovalDeadline })
          .where(
            and(
              eq(serviceConnections.serviceId, known.id),
              isNull(serviceConnections.disconnectedAt),
              isNull(serviceConnections.lapsedAt),
              lt(serviceConnections.approvedVersion, known.purposesVersion),
            ),
          );
      }
      updated += 1;
      if (purposesChanged) reapprovalsRequired += 1;
    }
    return { status: "imported", created, updated, reapprovalsRequired };
  });
}

/** "3 services ajoutés, 1 mis à jour (dont 1 à réapprouver par les patients connectés)". */
export function formatServiceImportSummary({ created, updated, reapprovalsRequired }: { created: number; updated: number; reapprovalsRequired: number }): string {
  const plural = (count: number) => (count > 1 ? "s" : "");
  const reapproval = reapprovalsRequired > 0 ? ` (dont ${reapprovalsRequired} à réapprouver par les patients connectés)` : "";
  return `${created} service${plural(created)} ajouté${plural(created)}, ${updated} mis à jour${reapproval}`;
}
