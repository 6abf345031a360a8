import { randomUUID } from "node:crypto";
import { sql } from "./register";

export type TestService = { id: string; code: string; name: string; redirectUri: string };

/** A referenced service of the catalogue, made in SQL as the catalogue import leaves one, unique to the calling test. */
export async function createTestService({
  purposes = ["measurements:read", "documents:read"],
  status = "online",
  category = "suivi-mesures",
  thematics = ["diabete"],
}: { purposes?: string[]; status?: "online" | "suspended" | "delisted"; category?: string; thematics?: string[] } = {}): Promise<TestService> {
  const tag = randomUUID().slice(0, 8);
  const code = `essai-${tag}`;
  const name = `Service d'essai ${tag}`;
  const redirectUri = `https://${code}.example/retour`;
  const [row] = await sql<{ id: string }[]>`
    insert into connected_services (code, name, publisher, description, category, thematics, pricing, status, requested_purposes, redirect_uris)
    values (${code}, ${name}, 'Éditeur fictif', 'Service fictif pour les tests.', ${category}, ${thematics}, 'free', ${status}, ${purposes}, ${[redirectUri]})
    returning id`;
  return { id: row!.id, code, name, redirectUri };
}

/** The subject's live connection to a service: the purposes granted, or undefined when not connected. */
export async function grantedPurposesOf(personId: string, serviceId: string): Promise<string[] | undefined> {
  const [row] = await sql<{ grantedPurposes: string[] }[]>`
    select granted_purposes as "grantedPurposes" from service_connections
    where person_id = ${personId} and service_id = ${serviceId} and disconnected_at is null`;
  return row?.grantedPurposes;
}

/** A live connection made as the service's page leaves one, with a version approved (an older one: re-approval due). */
export async function connectTestService(personId: string, serviceId: string, purposes: string[], approvedVersion = 1): Promise<void> {
  await sql`
    insert into service_connections (person_id, service_id, granted_purposes, approved_version, connected_at)
    values (${personId}, ${serviceId}, ${purposes}, ${approvedVersion}, now())`;
}
