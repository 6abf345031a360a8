import "server-only";
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { type ConnectedServiceRow, type ServiceConnectionRow, connectedServices, oauthTokens, serviceConnections } from "@/db/schema";
import { type Actor, isOwnedBySubject } from "@/lib/access/actor";
import type { ActivityAction } from "@/lib/activity/actions";
import { activityOf, recordActivity } from "@/lib/activity/record";
import { type ConnectionStanding, connectionStanding } from "./decide";
import { type Purpose, type ServiceCategory, type ServiceThematic, sortPurposes } from "./purposes";

/**
 * The patient's side of "Catalogue" (SPEC §6, reference mes-data-model §5): the referenced
 * services, connecting one by granting chosen purposes, changing them, re-approving after the
 * service changed what it asks for, disconnecting. Every function works on the actor's subject
 * and records its event ("Services tiers") in the same transaction; another person's connection
 * is simply not found.
 */

export type CatalogueService = Pick<
  ConnectedServiceRow,
  "id" | "code" | "name" | "publisher" | "description" | "category" | "regions" | "thematics" | "pricing" | "status"
> & { requestedPurposes: Purpose[] };

export type LiveConnection = {
  id: string;
  grantedPurposes: Purpose[];
  connectedAt: Date;
  standing: ConnectionStanding;
};

const SERVICE_COLUMNS = {
  id: connectedServices.id,
  code: connectedServices.code,
  name: connectedServices.name,
  publisher: connectedServices.publisher,
  description: connectedServices.description,
  category: connectedServices.category,
  regions: connectedServices.regions,
  thematics: connectedServices.thematics,
  pricing: connectedServices.pricing,
  status: connectedServices.status,
  requestedPurposes: connectedServices.requestedPurposes,
  purposesVersion: connectedServices.purposesVersion,
  reapprovalDeadline: connectedServices.reapprovalDeadline,
};

type ServiceSelection = { [Key in keyof typeof SERVICE_COLUMNS]: ConnectedServiceRow[Key] };

function catalogueServiceOf(row: ServiceSelection): CatalogueService {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    publisher: row.publisher,
    description: row.description,
    category: row.category,
    regions: row.regions,
    thematics: row.thematics,
    pricing: row.pricing,
    status: row.status,
    requestedPurposes: sortPurposes(row.requestedPurposes),
  };
}

function liveConnectionOf(service: ServiceSelection, connection: Pick<ServiceConnectionRow, "id" | "grantedPurposes" | "approvedVersion" | "connectedAt" | "lapsedAt">, now: Date): LiveConnection {
  return {
    id: connection.id,
    grantedPurposes: sortPurposes(connection.grantedPurposes),
    connectedAt: connection.connectedAt,
    standing: connectionStanding(service, { ...connection, disconnectedAt: null }, now),
  };
}

export type CatalogueFilters = { category?: ServiceCategory; thematic?: ServiceThematic };

/**
 * The catalogue: services online or suspended (a delisted one is no longer offered), by name,
 * filtered by category and thematic, each with the subject's live connection if any.
 */
export async function findCatalogue(actor: Actor, filters: CatalogueFilters, now: Date): Promise<{ service: CatalogueService; connection: LiveConnection | null }[]> {
  const rows = await getDb()
    .select({ service: SERVICE_COLUMNS, connection: { id: serviceConnections.id, grantedPurposes: serviceConnections.grantedPurposes, approvedVersion: serviceConnections.approvedVersion, connectedAt: serviceConnections.connectedAt, lapsedAt: serviceConnections.lapsedAt } })
    .from(connectedServices)
    .leftJoin(
      serviceConnections,
      and(eq(serviceConnections.serviceId, connectedServices.id), isOwnedBySubject(actor, serviceConnections.personId), isNull(serviceConnections.disconnectedAt)),
    )
    .where(
      and(
        ne(connectedServices.status, "delisted"),
        filters.category ? eq(connectedServices.category, filters.category) : undefined,
        filters.thematic ? sql`${filters.thematic} = any(${connectedServices.thematics})` : undefined,
      ),
    )
    .orderBy(asc(connectedServices.name), asc(connectedServices.id));
  return rows.map((row) => ({ service: catalogueServiceOf(row.service), connection: row.connection ? liveConnectionOf(row.service, row.connection, now) : null }));
}

/** The services the subject is connected to now, delisted ones included (they can still be disconnected). */
export async function findConnectedServices(actor: Actor, now: Date): Promise<{ service: CatalogueService; connection: LiveConnection }[]> {
  const rows = await getDb()
    .select({ service: SERVICE_COLUMNS, connection: { id: serviceConnections.id, grantedPurposes: serviceConnections.grantedPurposes, approvedVersion: serviceConnections.approvedVersion, connectedAt: serviceConnections.connectedAt, lapsedAt: serviceConnections.lapsedAt } })
    .from(serviceConnections)
    .innerJoin(connectedServices, eq(connectedServices.id, serviceConnections.serviceId))
    .where(and(isOwnedBySubject(actor, serviceConnections.personId), isNull(serviceConnections.disconnectedAt)))
    .orderBy(asc(connectedServices.name), asc(connectedServices.id));
  return rows.map((row) => ({ service: catalogueServiceOf(row.service), connection: liveConnectionOf(row.service, row.connection, now) }));
}

/**
 * One service's page: the service (a delisted one only while the subject is still connected to
 * it) and the subject's live connection. Null: no such service for this subject.
 */
export async function findServiceForActor(actor: Actor, serviceId: string, now: Date): Promise<{ service: CatalogueService; connection: LiveConnection | null } | null> {
  const [row] = await getDb()
    .select({ service: SERVICE_COLUMNS, connection: { id: serviceConnections.id, grantedPurposes: serviceConnections.grantedPurposes, approvedVersion: serviceConnections.approvedVersion, connectedAt: serviceConnections.connectedAt, lapsedAt: serviceConnections.lapsedAt } })
    .from(connectedServices)
    .leftJoin(
      serviceConnections,
      and(eq(serviceConnections.serviceId, connectedServices.id), isOwnedBySubject(actor, serviceConnections.personId), isNull(serviceConnections.disconnectedAt)),
    )
    .where(eq(connectedServices.id, serviceId))
    .limit(1);
  if (!row) return null;
  if (row.service.status === "delisted" && !row.connection) return null;
  return { service: catalogueServiceOf(row.service), connection: row.connection ? liveConnectionOf(row.service, row.connection, now) : null };
}

export type ConnectionChange =
  | { status: "done"; connectionId: string }
  | { status: "not-found" }
  /** The change the service's state does not allow (a suspended service is only disconnected), with why. */
  | { status: "refused"; message: string };

const NOT_FOUND = { status: "not-found" } as const;

async function record(executor: Executor, actor: Actor, action: ActivityAction, connectionId: string, now: Date) {
  await recordActivity(executor, { ...activityOf(actor), action, target: { type: "service_connection", id: connectionId }, at: now });
}

function refusalOfPurposes(service: Pick<ConnectedServiceRow, "status" | "requestedPurposes">, purposes: readonly Purpose[]): string | null {
  if (service.status !== "online") return "Ce service est suspendu : vous ne pouvez pas lui accorder de finalité. Vous pouvez le déconnecter.";
  if (purposes.length === 0) return "Choisissez au moins une finalité à accorder à ce service.";
  if (!purposes.every((purpose) => service.requestedPurposes.includes(purpose))) return "Choisissez parmi les finalités que ce service demande.";
  return null;
}

/**
 * Connects the subject to a service with the purposes chosen, or, when already connected, makes
 * them the connection's purposes: a change, or the re-approval the service's new version waits
 * for (the version approved becomes the current one). Runs in the caller's transaction when given
 * one (the consent page issues its authorisation code in the same one).
 */
export async function grantPurposes(
  { actor, serviceId, purposes, now }: { actor: Actor; serviceId: string; purposes: readonly Purpose[]; now: Date },
  executor: Executor = getDb(),
): Promise<ConnectionChange> {
  return executor.transaction(async (tx) => {
    const [service] = await tx
      .select({ id: connectedServices.id, status: connectedServices.status, requestedPurposes: connectedServices.requestedPurposes, purposesVersion: connectedServices.purposesVersion })
      .from(connectedServices)
      .where(eq(connectedServices.id, serviceId))
      .for("share");
    if (!service || service.status === "delisted") return NOT_FOUND;
    const chosen = sortPurposes(purposes);
    const refusal = refusalOfPurposes(service, chosen);
    const [live] = await tx
      .select({ id: serviceConnections.id, approvedVersion: serviceConnections.approvedVersion, grantedPurposes: serviceConnections.grantedPurposes })
      .from(serviceConnections)
      .where(and(eq(serviceConnections.serviceId, service.id), isOwnedBySubject(actor, serviceConnections.personId), isNull(serviceConnections.disconnectedAt)))
      .for("update");
    if (refusal) return { status: "refused", message: refusal };
    if (!live) {
      const [created] = await tx
        .insert(serviceConnections)
        .values({ personId: actor.subject.personId, serviceId: service.id, grantedPurposes: chosen, approvedVersion: service.purposesVersion, connectedAt: now })
        .returning({ id: serviceConnections.id });
      if (!created) throw new Error("connection not created");
      await record(tx, actor, "services.connected", created.id, now);
      return { status: "done", connectionId: created.id };
    }
    const isReapproval = live.approvedVersion < service.purposesVersion;
    const isSame = !isReapproval && sortPurposes(live.grantedPurposes).join(" ") === chosen.join(" ");
    if (isSame) return { status: "done", connectionId: live.id };
    await tx
      .update(serviceConnections)
      .set({ grantedPurposes: chosen, approvedVersion: service.purposesVersion, lapsedAt: null })
      .where(eq(serviceConnections.id, live.id));
    await record(tx, actor, isReapproval ? "services.reapproved" : "services.purposes-changed", live.id, now);
    return { status: "done", connectionId: live.id };
  });
}

/**
 * Disconnects the subject from a service, whatever its state (a suspended or delisted service
 * too): the connection ends and every token it had is revoked in the same transaction, so the
 * service's next request is refused.
 */
export async function disconnectService({ actor, serviceId, now }: { actor: Actor; serviceId: string; now: Date }): Promise<ConnectionChange> {
  return getDb().transaction(async (tx) => {
    const [live] = await tx
      .update(serviceConnections)
      .set({ disconnectedAt: now })
      .where(and(eq(serviceConnections.serviceId, serviceId), isOwnedBySubject(actor, serviceConnections.personId), isNull(serviceConnections.disconnectedAt)))
      .returning({ id: serviceConnections.id });
    if (!live) return NOT_FOUND;
    await tx
      .update(oauthTokens)
      .set({ revokedAt: now })
      .where(and(inArray(oauthTokens.connectionId, [live.id]), isNull(oauthTokens.revokedAt)));
    await record(tx, actor, "services.disconnected", live.id, now);
    return { status: "done", connectionId: live.id };
  });
}
