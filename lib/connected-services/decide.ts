import type { ConnectedServiceStatus } from "@/db/schema/connected-services";
import type { Purpose } from "./purposes";

/**
 * The one rule of what a connected service may reach (SPEC §6 "Catalogue"), decided afresh on every
 * request of the API, from the connection and the service as they are now, whatever the token
 * says: a disconnection or a suspension refuses at once, and a change of the requested purposes
 * that the patient has not re-approved by its deadline lapses the access. Pure, so that the
 * clock is the caller's.
 */

export type ServiceTerms = {
  status: ConnectedServiceStatus;
  requestedPurposes: readonly string[];
  purposesVersion: number;
  reapprovalDeadline: Date | null;
};

export type ConnectionTerms = { grantedPurposes: readonly string[]; approvedVersion: number; disconnectedAt: Date | null; lapsedAt: Date | null };

/** Where a live connection stands, as the patient's page shows it. */
export type ConnectionStanding =
  | { kind: "active" }
  | { kind: "reapproval-needed"; deadline: Date }
  | { kind: "lapsed" }
  | { kind: "suspended" };

export function connectionStanding(service: ServiceTerms, connection: ConnectionTerms, now: Date): ConnectionStanding {
  if (service.status !== "online") return { kind: "suspended" };
  // Missed an earlier deadline: a later change of the service, with a later date, revives nothing.
  if (connection.lapsedAt) return { kind: "lapsed" };
  if (connection.approvedVersion >= service.purposesVersion) return { kind: "active" };
  if (service.reapprovalDeadline && now < service.reapprovalDeadline) return { kind: "reapproval-needed", deadline: service.reapprovalDeadline };
  return { kind: "lapsed" };
}

export type ServiceAccessDecision = { allowed: true } | { allowed: false; reason: "disconnected" | "suspended" | "lapsed" | "not-granted" };

export function decideServiceAccess({
  service,
  connection,
  tokenScope,
  purpose,
  now,
}: {
  service: ServiceTerms;
  connection: ConnectionTerms;
  tokenScope: readonly string[];
  purpose: Purpose;
  now: Date;
}): ServiceAccessDecision {
  if (connection.disconnectedAt) return { allowed: false, reason: "disconnected" };
  const standing = connectionStanding(service, connection, now);
  if (standing.kind === "suspended") return { allowed: false, reason: "suspended" };
  if (standing.kind === "lapsed") return { allowed: false, reason: "lapsed" };
  // Granted by the patient, carried by this token, and still asked for by the service (a purpose it dropped is not used in the meantime).
  const isGranted = connection.grantedPurposes.includes(purpose) && tokenScope.includes(purpose) && service.requestedPurposes.includes(purpose);
  return isGranted ? { allowed: true } : { allowed: false, reason: "not-granted" };
}
