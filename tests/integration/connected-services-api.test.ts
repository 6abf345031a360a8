import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Observation } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments, connectedServices, measurements } from "@/db/schema";
import type { Actor } from "@/lib/access/actor";
import { createRepresentation } from "@/lib/access/representations";
import { disconnectService, grantPurposes } from "@/lib/connected-services/connections";
import { importServices } from "@/lib/connected-services/import";
import { type FhirSearchable, refreshTokens, searchFhir } from "@/lib/connected-services/service-client";
import { SERVICE_COLUMNS } from "@/lib/connected-services/service-file";
import { connectThroughClient, inProcessClient } from "@/tests/support/connected-services";
import { createActiveAccount, createConnectedService, createDocument, createInsuredPerson, createSignedInPerson, signInAs } from "@/tests/support/factories";

/**
 * The API's rules as issue 12 lists them, each seen from the service's side: the requests a
 * service's client sends (lib/connected-services/service-client.ts) reach the route handlers
 * in-process.
 */

const ALL_READS: FhirSearchable[] = ["Observation", "DocumentReference", "Appointment"];
const ALL_PURPOSES = ["measurements:read", "documents:read", "agenda:read"];

async function addMeasurement(personId: string, value: number) {
  await getDb().insert(measurements).values({ personId, code: "29463-7", value, unit: "kg", measuredAt: new Date("2026-05-01T08:00:00Z") });
}

async function addAppointment(personId: string, withName: string) {
  await getDb().insert(appointments).values({ personId, withKind: "practitioner", withName, startsAt: new Date("2026-09-01T07:30:00Z") });
}

/** Every file under `folder` whose name ends with one of `endings`. */
function filesUnder(folder: string, endings: string[]): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => endings.some((ending) => file.endsWith(ending)))
    .map((file) => path.join(folder, file));
}

describe("the connected services' API: what a token reaches", () => {
  it("a measurements token cannot read documents, the agenda nor messages", async () => {
    const patient = await createSignedInPerson();
    const service = await createConnectedService({ requestedPurposes: ["measurements:read", "documents:read", "agenda:read"] });
    await addMeasurement(patient.id, 70);
    await createDocument(patient.id);
    await addAppointment(patient.id, "Dr Lemoine");
    const client = inProcessClient(service);
    const tokens = await connectThroughClient(client, patient.actor, ["measurements:read"]);
    expect(tokens.scope).toEqual(["measurements:read"]);

    expect(await searchFhir(client, "Observation", tokens.accessToken)).toMatchObject({ ok: true, status: 200 });
    for (const resourceType of ["DocumentReference", "Appointment"] as const) {
      expect(await searchFhir(client, resourceType, tokens.accessToken)).toMatchObject({ ok: false, status: 403, error: { error: "insufficient_scope" } });
    }

    // Messages have no API at all: no FHIR resource serves them, and no other path takes a token.
    const fhirResources = readdirSync(path.join(process.cwd(), "app/api/fhir/r4")).sort();
    expect(fhirResources).toEqual(["Appointment", "DocumentReference", "Observation"]);
    // (tests/e2e/catalogue.spec.ts sends such a token to the messaging paths of the running app.)
    // The bearer token is read in one place (api.ts, through oauth.ts), used by the three FHIR routes only.
    const readers = [...filesUnder(path.join(process.cwd(), "app"), [".ts", ".tsx"]), ...filesUnder(path.join(process.cwd(), "lib"), [".ts", ".tsx"])]
      .filter((file) => /connected-services\/api"|authenticateBearer|resolveServiceRequest/.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(process.cwd(), file))
      .sort();
    expect(readers).toEqual([
      "app/api/fhir/r4/Appointment/route.ts",
      "app/api/fhir/r4/DocumentReference/route.ts",
      "app/api/fhir/r4/Observation/route.ts",
      "lib/connected-services/api.ts",
      "lib/connected-services/oauth.ts",
    ]);
  });

  it("a disconnected, suspended or delisted service is refused at once on every read, and gets no new token", async () => {
    for (const ending of ["disconnected", "suspended", "delisted"] as const) {
      const patient = await createSignedInPerson();
      const service = await createConnectedService({ requestedPurposes: ALL_PURPOSES as never });
      const client = inProcessClient(service);
      const tokens = await connectThroughClient(client, patient.actor, ALL_PURPOSES);
      for (const resourceType of ALL_READS) expect(await searchFhir(client, resourceType, tokens.accessToken)).toMatchObject({ ok: true });

      if (ending === "disconnected") await disconnectService({ actor: patient.actor, serviceId: service.id, now: new Date() });
      else await getDb().update(connectedServices).set({ status: ending }).where(eq(connectedServices.id, service.id));

      for (const resourceType of ALL_READS) {
        const answer = await searchFhir(client, resourceType, tokens.accessToken);
        expect([ending, resourceType, answer.ok, answer.status]).toEqual([ending, resourceType, false, ending === "disconnected" ? 401 : 403]);
      }
      expect([ending, (await refreshTokens(client, tokens.refreshToken)).ok]).toEqual([ending, false]);
    }
  });

  it("a suspended service that comes back online reads again with a live token, and only then", async () => {
    const patient = await createSignedInPerson();
    const service = await createConnectedService();
    const client = inProcessClient(service);
    const tokens = await connectThroughClient(client, patient.actor, ["measurements:read"]);
    await getDb().update(connectedServices).set({ status: "suspended" }).where(eq(connectedServices.id, service.id));
    expect(await searchFhir(client, "Observation", tokens.accessToken)).toMatchObject({ ok: false, status: 403 });
    await getDb().update(connectedServices).set({ status: "online" }).where(eq(connectedServices.id, service.id));
    expect(await searchFhir(client, "Observation", tokens.accessToken)).toMatchObject({ ok: true, status: 200 });
  });
});

describe("the connected services' API: a change of purposes", () => {
  function catalogueLine(service: { code: string; name: string; redirectUris: string[] }, purposes: string[], date: string) {
    return `${SERVICE_COLUMNS.join(",")}\n${service.code},${service.name},Éditeur fictif,Service fictif pour les tests.,suivi-mesures,,,gratuit,en ligne,${purposes.join("|")},${service.redirectUris[0]},${date}`;
  }

  it("an unapproved change lapses at its date: until then only the old purposes the service still asks for, from then on nothing", async () => {
    const patient = await createSignedInPerson();
    const service = await createConnectedService({ requestedPurposes: ["measurements:read", "agenda:read"] });
    await addMeasurement(patient.id, 70);
    let now = new Date("2026-06-01T10:00:00Z");
    const client = inProcessClient(service, { now: () => now });
    const tokens = await connectThroughClient(client, patient.actor, ["measurements:read", "agenda:read"]);

    // The service drops the agenda and asks for documents, to be re-approved by 30 June.
    expect(await importServices(catalogueLine(service, ["measurements:read", "documents:read"], "30/06/2026"), now)).toMatchObject({ status: "imported", reapprovalsRequired: 1 });
    const [{ reapprovalDeadline } = { reapprovalDeadline: null }] = await getDb().select({ reapprovalDeadline: connectedServices.reapprovalDeadline }).from(connectedServices).where(eq(connectedServices.id, service.id));
    expect(reapprovalDeadline?.getTime()).toBeGreaterThan(new Date("2026-06-30T12:00:00Z").getTime());

    now = new Date(reapprovalDeadline!.getTime() - 1);
    expect(await searchFhir(client, "Observation", tokens.accessToken)).toMatchObject({ ok: true, status: 200 });
    expect(await searchFhir(client, "Appointment", tokens.accessToken)).toMatchObject({ ok: false, status: 403 });
    expect(await searchFhir(client, "DocumentReference", tokens.accessToken)).toMatchObject({ ok: false, status: 403 });

    now = reapprovalDeadline!;
    for (const resourceType of ["Observation", "Appointment"] as const) expect(await searchFhir(client, resourceType, tokens.accessToken)).toMatchObject({ ok: false, status: 401 });
    // Documents were never in this token: refused on its scope, as before.
    expect(await searchFhir(client, "DocumentReference", tokens.accessToken)).toMatchObject({ ok: false, status: 403 });
  });

  it("a lapsed connection stays lapsed when the service changes its purposes again later, until the patient re-approves", async () => {
    const patient = await createSignedInPerson();
    const service = await createConnectedService({ requestedPurposes: ["measurements:read"] });
    let now = new Date("2026-06-01T10:00:00Z");
    const client = inProcessClient(service, { now: () => now });
    const tokens = await connectThroughClient(client, patient.actor, ["measurements:read"]);
    await importServices(catalogueLine(service, ["measurements:read", "documents:read"], "30/06/2026"), now);
    now = new Date("2026-07-15T10:00:00Z");
    expect(await searchFhir(client, "Observation", tokens.accessToken)).toMatchObject({ ok: false, status: 401 });

    // A second change with a later date gives the patient no second chance they did not take: still lapsed.
    await importServices(catalogueLine(service, ["measurements:read", "documents:read", "agenda:read"], "31/08/2026"), now);
    now = new Date("2026-07-16T10:00:00Z");
    expect(await searchFhir(client, "Observation", tokens.accessToken)).toMatchObject({ ok: false, status: 401 });

    expect(await grantPurposes({ actor: patient.actor, serviceId: service.id, purposes: ["measurements:read"], now })).toMatchObject({ status: "done" });
    expect(await searchFhir(client, "Observation", tokens.accessToken)).toMatchObject({ ok: true, status: 200 });
  });
});

describe("the connected services' API: one patient's token", () => {
  it("never reaches another patient, whatever the request names, and one patient's disconnection leaves the other's token alone", async () => {
    const [alice, bruno] = [await createSignedInPerson(), await createSignedInPerson()];
    const service = await createConnectedService({ requestedPurposes: ALL_PURPOSES as never });
    await addMeasurement(alice.id, 61);
    await addMeasurement(bruno.id, 88);
    await createDocument(bruno.id, { title: "Document de Bruno" });
    await addAppointment(bruno.id, "Dr Bruno");
    const client = inProcessClient(service);
    const aliceTokens = await connectThroughClient(client, alice.actor, ALL_PURPOSES);
    const brunoTokens = await connectThroughClient(client, bruno.actor, ALL_PURPOSES);

    for (const query of ["", `?patient=${bruno.id}`, `?subject=Patient/${bruno.id}`, `?_id=${bruno.id}`]) {
      const answer = await client.send(new Request(`${client.appOrigin}/api/fhir/r4/Observation${query}`, { headers: { authorization: `Bearer ${aliceTokens.accessToken}` } }));
      const body = (await answer.json()) as { entry?: { resource: Observation }[] };
      expect([query, body.entry?.map((entry) => entry.resource.valueQuantity?.value)]).toEqual([query, [61]]);
    }
    expect(await searchFhir(client, "DocumentReference", aliceTokens.accessToken)).toMatchObject({ ok: true, body: { total: 0 } });
    expect(await searchFhir(client, "Appointment", aliceTokens.accessToken)).toMatchObject({ ok: true, body: { total: 0 } });

    await disconnectService({ actor: alice.actor, serviceId: service.id, now: new Date() });
    expect(await searchFhir(client, "Observation", aliceTokens.accessToken)).toMatchObject({ ok: false, status: 401 });
    expect(await searchFhir(client, "Observation", brunoTokens.accessToken)).toMatchObject({ ok: true, body: { total: 1 } });
  });

  it("a token a parent got for their child reaches the child's data only, never the parent's own", async () => {
    const parent = await createActiveAccount();
    const child = await createInsuredPerson({ firstNames: "Zoé", birthName: "Testeur", email: null, mobile: null });
    const representationId = await createRepresentation(getDb(), { actorAccountId: parent.accountId, subjectPersonId: child.id, basis: "legal_representative", source: "register", now: new Date(), validUntil: null });
    const ownActor = await signInAs(parent.accountId);
    const forChild: Actor = { ...ownActor, subject: { ...ownActor.subject, personId: child.id, fullName: "Zoé Testeur", firstName: "Zoé", basis: "legal_representative", representationId } };
    await addMeasurement(parent.person.id, 80);
    await addMeasurement(child.id, 21);
    const service = await createConnectedService();
    const client = inProcessClient(service);

    const childTokens = await connectThroughClient(client, forChild, ["measurements:read"]);
    const childReads = await searchFhir<Observation>(client, "Observation", childTokens.accessToken);
    expect(childReads.ok && childReads.body.entry?.map((entry) => entry.resource?.valueQuantity?.value)).toEqual([21]);
    // The parent's own space is not connected to this service: the child's token is not theirs.
    const ownTokens = await connectThroughClient(client, ownActor, ["measurements:read"]);
    const ownReads = await searchFhir<Observation>(client, "Observation", ownTokens.accessToken);
    expect(ownReads.ok && ownReads.body.entry?.map((entry) => entry.resource?.valueQuantity?.value)).toEqual([80]);
    await disconnectService({ actor: ownActor, serviceId: service.id, now: new Date() });
    expect(await searchFhir(client, "Observation", childTokens.accessToken)).toMatchObject({ ok: true, status: 200 });
  });
});
