import { createHash, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Appointment, Bundle, DocumentReference, Observation } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activityEvents, appointments, connectedServices, measurements, oauthTokens, serviceConnections } from "@/db/schema";
import type { Actor } from "@/lib/access/actor";
import { answerAppointmentSearch, answerDocumentReferenceSearch, answerObservationSearch } from "@/lib/connected-services/api";
import { approveAuthorization } from "@/lib/connected-services/authorization";
import { disconnectService, findCatalogue, grantPurposes } from "@/lib/connected-services/connections";
import { answerTokenRequest } from "@/lib/connected-services/oauth";
import { answerRevocationRequest } from "@/lib/connected-services/revocation";
import type { Purpose } from "@/lib/connected-services/purposes";
import { importServices } from "@/lib/connected-services/import";
import { SERVICE_COLUMNS } from "@/lib/connected-services/service-file";
import { createConnectedService, createDocument, createProfessional, createSignedInPerson } from "@/tests/support/factories";
import { fhirSchemaErrors } from "@/tests/support/fhir-schema";

const ORIGIN = "http://127.0.0.1:3000";

function pkcePair() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

type Service = typeof connectedServices.$inferSelect;

/**
 * The whole authorisation-code flow with PKCE, in-process, through the app's own entry points:
 * the consent page's approval, then the token endpoint's handler. The access token, or the token
 * endpoint's answer when it refused.
 */
async function authorize(actor: Actor, service: Service, purposes: Purpose[], now = new Date()) {
  const { verifier, challenge } = pkcePair();
  const redirectUri = service.redirectUris[0]!;
  const outcome = await approveAuthorization({
    actor,
    fields: { response_type: "code", client_id: service.code, redirect_uri: redirectUri, state: "etat-42", code_challenge: challenge, code_challenge_method: "S256" },
    purposes,
    now,
  });
  if (outcome.status !== "redirect") throw new Error(`not approved: ${JSON.stringify(outcome)}`);
  const back = new URL(outcome.location);
  expect(`${back.origin}${back.pathname}`).toBe(redirectUri);
  expect(back.searchParams.get("state")).toBe("etat-42");
  const code = back.searchParams.get("code")!;
  const exchange = (codeVerifier: string) =>
    answerTokenRequest(
      new Request(`${ORIGIN}/api/oauth/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: redirectUri, client_id: service.code, code_verifier: codeVerifier }),
      }),
    );
  return { code, exchange, verifier };
}

async function accessTokenFor(actor: Actor, service: Service, purposes: Purpose[]) {
  const { exchange, verifier } = await authorize(actor, service, purposes);
  const answer = await exchange(verifier);
  const body = (await answer.json()) as { access_token: string; refresh_token: string; token_type: string; expires_in: number; scope: string };
  expect({ status: answer.status, ...body }).toMatchObject({ status: 200, token_type: "Bearer" });
  expect(body.expires_in).toBeLessThanOrEqual(600);
  return body;
}

function get(path: string, token: string) {
  return new Request(`${ORIGIN}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

async function addMeasurement(personId: string, values: Partial<typeof measurements.$inferInsert> = {}) {
  await getDb()
    .insert(measurements)
    .values({ personId, code: "29463-7", value: 72.5, unit: "kg", measuredAt: new Date("2026-05-01T08:00:00Z"), ...values });
}

async function serviceEvents(personId: string) {
  return getDb()
    .select({ action: activityEvents.action, actorKind: activityEvents.actorKind, actorName: activityEvents.actorName })
    .from(activityEvents)
    .where(and(eq(activityEvents.subjectPersonId, personId), eq(activityEvents.group, "third_party_services")))
    .orderBy(activityEvents.sequence);
}

describe("connected services: the OAuth flow and the FHIR API", () => {
  it("runs authorization code + PKCE end to end, and a code is used once and only with its verifier", async () => {
    const patient = await createSignedInPerson();
    const service = await createConnectedService();
    await addMeasurement(patient.id);

    const wrong = await authorize(patient.actor, service, ["measurements:read"]);
    const refused = await wrong.exchange(pkcePair().verifier);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: "invalid_grant" });

    const { exchange, verifier } = await authorize(patient.actor, service, ["measurements:read"]);
    const first = await exchange(verifier);
    expect(first.status).toBe(200);
    const tokens = (await first.json()) as { access_token: string; refresh_token: string; scope: string };
    expect(tokens.scope).toBe("measurements:read");
    expect((await exchange(verifier)).status).toBe(400);

    const answer = await answerObservationSearch(get("/api/fhir/r4/Observation", tokens.access_token), new Date());
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toContain("application/fhir+json");
    const bundle = (await answer.json()) as Bundle<Observation>;
    expect(bundle.entry?.map((entry) => entry.resource?.valueQuantity)).toEqual([{ value: 72.5, unit: "kg", system: "http://unitsofmeasure.org", code: "kg" }]);

    // The refresh token is replaced at its use; the old one is then worth nothing.
    const refresh = (refreshToken: string) =>
      answerTokenRequest(
        new Request(`${ORIGIN}/api/oauth/token`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: service.code }),
        }),
      );
    const refreshed = await refresh(tokens.refresh_token);
    expect(refreshed.status).toBe(200);
    expect((await refresh(tokens.refresh_token)).status).toBe(400);

    expect(await serviceEvents(patient.id)).toEqual([
      { action: "services.connected", actorKind: "patient", actorName: patient.actor.subject.fullName },
      { action: "services.measurements-read", actorKind: "service", actorName: service.name },
    ]);
  });

  it("answers measurements as R4 Observations (LOINC, UCUM) and documents as R4 DocumentReferences, valid against the R4 JSON schema", async () => {
    const patient = await createSignedInPerson();
    const service = await createConnectedService();
    await addMeasurement(patient.id);
    await addMeasurement(patient.id, { code: "85354-9", value: 128, diastolicValue: 82, unit: "mm[Hg]", measuredAt: new Date("2026-05-02T08:00:00Z") });
    await createDocument(patient.id);
    await createDocument(patient.id, { authorKind: "professional", title: "Compte rendu hospitalier" });
    const { access_token } = await accessTokenFor(patient.actor, service, ["measurements:read", "documents:read"]);

    const observations = (await (await answerObservationSearch(get("/api/fhir/r4/Observation", access_token), new Date())).json()) as Bundle<Observation>;
    const documents = (await (await answerDocumentReferenceSearch(get("/api/fhir/r4/DocumentReference", access_token), new Date())).json()) as Bundle<DocumentReference>;
    expect(observations.total).toBe(2);
    expect(documents.total).toBe(2);
    const bloodPressure = observations.entry?.[0]?.resource;
    expect(bloodPressure?.code.coding?.[0]).toMatchObject({ system: "http://loinc.org", code: "85354-9" });
    expect(bloodPressure?.component?.map((component) => [component.code.coding?.[0]?.code, component.valueQuantity?.value, component.valueQuantity?.code])).toEqual([
      ["8480-6", 128, "mm[Hg]"],
      ["8462-4", 82, "mm[Hg]"],
    ]);
    for (const bundle of [observations, documents]) {
      expect(fhirSchemaErrors(bundle)).toEqual([]);
      for (const entry of bundle.entry ?? []) expect(fhirSchemaErrors(entry.resource!)).toEqual([]);
    }
    // The schema is not a rubber stamp: a resource missing what R4 requires is refused.
    expect(fhirSchemaErrors({ resourceType: "Observation", status: "final" } as Observation)).not.toEqual([]);
  });

  it("answers the agenda as R4 Appointments to a token granted agenda:read, valid against the R4 JSON schema, without the personal note", async () => {
    const patient = await createSignedInPerson();
    const service = await createConnectedService({ requestedPurposes: ["agenda:read", "agenda:write"] });
    const { professional } = await createProfessional();
    await getDb()
      .insert(appointments)
      .values([
        { personId: patient.id, title: "Dentiste", withKind: "practitioner", withName: "Dr Lemoine", startsAt: new Date("2026-09-01T07:30:00Z"), address: "3 rue des Lilas, Lyon", note: "Ne pas oublier la radio" },
        { personId: patient.id, withKind: "establishment", withName: "Hôpital fictif", startsAt: new Date("2026-10-02T12:00:00Z"), authorKind: "professional", authorProfessionalId: professional.id, status: "cancelled" },
      ]);
    const { access_token } = await accessTokenFor(patient.actor, service, ["agenda:read"]);
    const answer = await answerAppointmentSearch(get("/api/fhir/r4/Appointment", access_token), new Date());
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toContain("application/fhir+json");
    const bundle = (await answer.json()) as Bundle<Appointment>;
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    for (const entry of bundle.entry ?? []) expect(fhirSchemaErrors(entry.resource!)).toEqual([]);
    expect(bundle.entry?.map(({ resource }) => [resource?.status, resource?.description, resource?.start, resource?.end, resource?.participant[0]?.actor])).toEqual([
      ["cancelled", "Rendez-vous avec Hôpital fictif", "2026-10-02T12:00:00.000Z", "2026-10-02T12:00:00.000Z", { type: "Location", display: "Hôpital fictif" }],
      ["booked", "Dentiste", "2026-09-01T07:30:00.000Z", "2026-09-01T07:30:00.000Z", { type: "Practitioner", display: "Dr Lemoine" }],
    ]);
    expect(bundle.entry?.[1]?.resource?.comment).toBe("Adresse : 3 rue des Lilas, Lyon");
    expect(JSON.stringify(bundle)).not.toContain("radio");
    expect(await serviceEvents(patient.id)).toEqual([
      { action: "services.connected", actorKind: "patient", actorName: patient.actor.subject.fullName },
      { action: "services.agenda-read", actorKind: "service", actorName: service.name },
    ]);
    // Measurements were not granted: refused, and no use recorded.
    expect((await answerObservationSearch(get("/api/fhir/r4/Observation", access_token), new Date())).status).toBe(403);
    expect(await serviceEvents(patient.id)).toHaveLength(2);
  });

  it("refuses documents to a token granted measurements only", async () => {
    const patient = await createSignedInPerson();
    const service = await createConnectedService();
    await createDocument(patient.id);
    const { access_token } = await accessTokenFor(patient.actor, service, ["measurements:read"]);
    const answer = await answerDocumentReferenceSearch(get("/api/fhir/r4/DocumentReference", access_token), new Date());
    expect(answer.status).toBe(403);
    expect(answer.headers.get("www-authenticate")).toContain("insufficient_scope");
    expect((await answerObservationSearch(get("/api/fhir/r4/Observation", access_token), new Date())).status).toBe(200);
  });

  it("refuses a disconnected service at once, its tokens and refresh tokens included", async () => {
    const patient = await createSignedInPerson();
    const service = await createConnectedService();
    const tokens = await accessTokenFor(patient.actor, service, ["measurements:read"]);
    expect(await disconnectService({ actor: patient.actor, serviceId: service.id, now: new Date() })).toMatchObject({ status: "done" });
    expect((await answerObservationSearch(get("/api/fhir/r4/Observation", tokens.access_token), new Date())).status).toBe(401);
    const refreshed = await answerTokenRequest(
      new Request(`${ORIGIN}/api/oauth/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: service.code }),
      }),
    );
    expect(refreshed.status).toBe(400);
    const revoked = await getDb().select({ revokedAt: oauthTokens.revokedAt }).from(oauthTokens).innerJoin(serviceConnections, eq(serviceConnections.id, oauthTokens.connectionId)).where(eq(serviceConnections.personId, patient.id));
    expect(revoked.every((row) => row.revokedAt !== null)).toBe(true);
    expect((await serviceEvents(patient.id)).map((event) => event.action)).toEqual(["services.connected", "services.disconnected"]);
  });

  it("revokes a token a service gives up (RFC 7009): both of the pair end at once, the connection stays, and the answer says nothing of other tokens", async () => {
    const patient = await createSignedInPerson();
    const service = await createConnectedService();
    const other = await createConnectedService();
    const revoke = (fields: Record<string, string>, contentType = "application/x-www-form-urlencoded") =>
      answerRevocationRequest(new Request(`${ORIGIN}/api/oauth/revoke`, { method: "POST", headers: { "content-type": contentType }, body: new URLSearchParams(fields) }), new Date());
    const refresh = (refreshToken: string) =>
      answerTokenRequest(
        new Request(`${ORIGIN}/api/oauth/token`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: service.code }),
        }),
      );

    // An access token given up: it and its refresh token are refused from then on.
    const first = await accessTokenFor(patient.actor, service, ["measurements:read"]);
    const revoked = await revoke({ token: first.access_token, token_type_hint: "access_token", client_id: service.code });
    expect(revoked.status).toBe(200);
    expect(revoked.headers.get("cache-control")).toBe("no-store");
    expect((await answerObservationSearch(get("/api/fhir/r4/Observation", first.access_token), new Date())).status).toBe(401);
    expect((await refresh(first.refresh_token)).status).toBe(400);

    // A refresh token given up (with a hint that is wrong, which is ignored): its access token ends too.
    const second = await accessTokenFor(patient.actor, service, ["measurements:read"]);
    expect((await revoke({ token: second.refresh_token, token_type_hint: "access_token", client_id: service.code })).status).toBe(200);
    expect((await answerObservationSearch(get("/api/fhir/r4/Observation", second.access_token), new Date())).status).toBe(401);
    expect((await refresh(second.refresh_token)).status).toBe(400);

    // Another service cannot revoke this one's token, and learns nothing: the same 200 as for an unknown or spent token.
    const third = await accessTokenFor(patient.actor, service, ["measurements:read"]);
    for (const fields of [
      { token: third.access_token, client_id: other.code },
      { token: "inconnu", client_id: service.code },
      { token: first.access_token, client_id: service.code },
    ]) {
      const answer = await revoke(fields);
      expect({ status: answer.status, body: await answer.json() }).toEqual({ status: 200, body: {} });
    }
    expect((await answerObservationSearch(get("/api/fhir/r4/Observation", third.access_token), new Date())).status).toBe(200);

    // Malformed requests and unknown clients are told so.
    expect((await revoke({ client_id: service.code })).status).toBe(400);
    expect((await revoke({ token: third.access_token, client_id: service.code }, "application/json")).status).toBe(400);
    const unknownClient = await revoke({ token: third.access_token, client_id: "service-inconnu" });
    expect({ status: unknownClient.status, body: await unknownClient.json() }).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    expect((await answerObservationSearch(get("/api/fhir/r4/Observation", third.access_token), new Date())).status).toBe(200);

    // The connection stays: the patient still sees it, and only they disconnect it.
    const [connection] = await getDb().select({ disconnectedAt: serviceConnections.disconnectedAt }).from(serviceConnections).where(eq(serviceConnections.personId, patient.id));
    expect(connection).toEqual({ disconnectedAt: null });
    expect((await serviceEvents(patient.id)).map((event) => [event.action, event.actorName])).toEqual([
      ["services.connected", patient.actor.subject.fullName],
      ["services.token-revoked", service.name],
      ["services.token-revoked", service.name],
      ["services.measurements-read", service.name],
      ["services.measurements-read", service.name],
    ]);
  });

  it("revokes every token and code of a connection the moment the patient disconnects it", async () => {
    const patient = await createSignedInPerson();
    const service = await createConnectedService();
    const live = await accessTokenFor(patient.actor, service, ["measurements:read"]);
    // A code approved but not yet exchanged when the patient disconnects is worth nothing either.
    const pending = await authorize(patient.actor, service, ["measurements:read"]);
    expect((await answerObservationSearch(get("/api/fhir/r4/Observation", live.access_token), new Date())).status).toBe(200);
    expect(await disconnectService({ actor: patient.actor, serviceId: service.id, now: new Date() })).toMatchObject({ status: "done" });
    expect((await answerObservationSearch(get("/api/fhir/r4/Observation", live.access_token), new Date())).status).toBe(401);
    expect(await (await pending.exchange(pending.verifier)).json()).toMatchObject({ error: "invalid_grant" });
    const tokens = await getDb().select({ revokedAt: oauthTokens.revokedAt }).from(oauthTokens).innerJoin(serviceConnections, eq(serviceConnections.id, oauthTokens.connectionId)).where(eq(serviceConnections.personId, patient.id));
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((row) => row.revokedAt !== null)).toBe(true);
  });

  it("refuses a suspended service at once, which can still be disconnected but not given purposes", async () => {
    const patient = await createSignedInPerson();
    const service = await createConnectedService();
    const { access_token } = await accessTokenFor(patient.actor, service, ["measurements:read"]);
    await getDb().update(connectedServices).set({ status: "suspended" }).where(eq(connectedServices.id, service.id));
    const answer = await answerObservationSearch(get("/api/fhir/r4/Observation", access_token), new Date());
    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({ resourceType: "OperationOutcome" });
    expect(await grantPurposes({ actor: patient.actor, serviceId: service.id, purposes: ["documents:read"], now: new Date() })).toMatchObject({ status: "refused" });
    expect(await disconnectService({ actor: patient.actor, serviceId: service.id, now: new Date() })).toMatchObject({ status: "done" });
  });

  it("keeps the old grant until the re-approval deadline, lapses it after, and restores it when the patient re-approves", async () => {
    const patient = await createSignedInPerson();
    const service = await createConnectedService({ requestedPurposes: ["measurements:read"] });
    const { access_token } = await accessTokenFor(patient.actor, service, ["measurements:read"]);
    const changeDay = new Date("2026-06-01T10:00:00Z");
    const header = SERVICE_COLUMNS.join(",");
    const line = `${service.code},${service.name},Éditeur fictif,Service fictif pour les tests.,suivi-mesures,,,gratuit,en ligne,measurements:read|measurements:write,${service.redirectUris[0]},30/06/2026`;
    expect(await importServices(`${header}\n${line}`, changeDay)).toEqual({ status: "imported", created: 0, updated: 1, reapprovalsRequired: 1 });

    const before = new Date("2026-06-30T12:00:00Z");
    const after = new Date("2026-07-01T00:00:00Z");
    expect((await answerObservationSearch(get("/api/fhir/r4/Observation", access_token), before)).status).toBe(200);
    const lapsed = await answerObservationSearch(get("/api/fhir/r4/Observation", access_token), after);
    expect(lapsed.status).toBe(401);
    const [entry] = (await findCatalogue(patient.actor, {}, after)).filter((item) => item.service.id === service.id);
    expect(entry?.connection?.standing).toEqual({ kind: "lapsed" });

    expect(await grantPurposes({ actor: patient.actor, serviceId: service.id, purposes: ["measurements:read"], now: after })).toMatchObject({ status: "done" });
    expect((await answerObservationSearch(get("/api/fhir/r4/Observation", access_token), after)).status).toBe(200);
    expect((await serviceEvents(patient.id)).map((event) => event.action)).toEqual([
      "services.connected",
      "services.measurements-read",
      "services.reapproved",
      "services.measurements-read",
    ]);
  });

  it("never lets one patient's token reach another patient's data, nor one patient's connection be changed by another", async () => {
    const [alice, bruno] = [await createSignedInPerson(), await createSignedInPerson()];
    const service = await createConnectedService();
    await addMeasurement(alice.id, { value: 61 });
    await addMeasurement(bruno.id, { value: 88 });
    await createDocument(bruno.id, { title: "Document de Bruno" });
    const { access_token } = await accessTokenFor(alice.actor, service, ["measurements:read", "documents:read"]);
    const observations = (await (await answerObservationSearch(get(`/api/fhir/r4/Observation?patient=${bruno.id}&subject=Patient/${bruno.id}`, access_token), new Date())).json()) as Bundle<Observation>;
    expect(observations.entry?.map((item) => item.resource?.valueQuantity?.value)).toEqual([61]);
    const documents = (await (await answerDocumentReferenceSearch(get("/api/fhir/r4/DocumentReference", access_token), new Date())).json()) as Bundle<DocumentReference>;
    expect(documents.total).toBe(0);
    // Bruno has no connection to this service: disconnecting it from his space finds nothing, and Alice's stays.
    expect(await disconnectService({ actor: bruno.actor, serviceId: service.id, now: new Date() })).toEqual({ status: "not-found" });
    expect((await answerObservationSearch(get("/api/fhir/r4/Observation", access_token), new Date())).status).toBe(200);
  });

  it("refuses a consent whose purposes the service did not ask for, and a request without a declared redirect URI", async () => {
    const patient = await createSignedInPerson();
    const service = await createConnectedService({ requestedPurposes: ["measurements:read"] });
    const { challenge } = pkcePair();
    const fields = { response_type: "code" as const, client_id: service.code, redirect_uri: service.redirectUris[0]!, state: "s", code_challenge: challenge, code_challenge_method: "S256" as const };
    expect(await approveAuthorization({ actor: patient.actor, fields, purposes: ["documents:read"], now: new Date() })).toMatchObject({ status: "refused" });
    expect(await approveAuthorization({ actor: patient.actor, fields: { ...fields, redirect_uri: "https://evil.example/retour" }, purposes: ["measurements:read"], now: new Date() })).toMatchObject({ status: "invalid" });
    expect(await getDb().select().from(serviceConnections).where(eq(serviceConnections.personId, patient.id))).toEqual([]);
  });
});

describe("services:import", () => {
  it("refuses the whole file with every bad line's reason, and writes nothing", async () => {
    const header = SERVICE_COLUMNS.join(",");
    const file = [
      header,
      "bon-service,Bon,Éditeur,Description.,suivi-mesures,84,diabete,gratuit,en ligne,measurements:read,https://bon.example/retour,",
      "Mauvais Code,,Éditeur,Description.,inconnue,8,vol,cher,perdu,tout:lire,ftp://x,31/02/2026",
    ].join("\n");
    const result = await importServices(file);
    expect(result.status).toBe("rejected");
    if (result.status !== "rejected") return;
    expect(result.errors.every((error) => error.line === 3)).toBe(true);
    expect(result.errors.map((error) => error.reason)).toEqual([
      expect.stringContaining("code invalide"),
      "nom manquant",
      "catégorie inconnue",
      expect.stringContaining("région invalide"),
      "thématique inconnue",
      expect.stringContaining("tarif invalide"),
      expect.stringContaining("statut invalide"),
      expect.stringContaining("finalité inconnue"),
      expect.stringContaining("adresse de retour invalide"),
      expect.stringContaining("date limite invalide"),
    ]);
    expect(await getDb().select().from(connectedServices).where(eq(connectedServices.code, "bon-service"))).toEqual([]);
  });
});
