import type { DocumentReference, Observation } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { measurements } from "@/db/schema";
import { DEMO_CLIENT_REDIRECT_URI } from "@/lib/connected-services/demo-catalogue";
import {
  type ServiceClient,
  authorizationUrlOf,
  createPkcePair,
  createState,
  exchangeCode,
  readAuthorizationReturn,
  refreshTokens,
  revokeToken,
  searchFhir,
} from "@/lib/connected-services/service-client";
import { approveInBrowser, inProcessClient } from "@/tests/support/connected-services";
import { createConnectedService, createDocument, createSignedInPerson } from "@/tests/support/factories";

describe("the demo service client (npm run services:demo-client)", () => {
  it("walks the whole flow: PKCE authorisation URL, approval, code exchange, FHIR reads, refresh, revocation", async () => {
    const patient = await createSignedInPerson();
    const service = await createConnectedService({ redirectUris: [DEMO_CLIENT_REDIRECT_URI] });
    await getDb().insert(measurements).values({ personId: patient.id, code: "29463-7", value: 70, unit: "kg", measuredAt: new Date("2026-05-01T08:00:00Z") });
    await createDocument(patient.id, { title: "Ordonnance" });
    const client: ServiceClient = inProcessClient(service);

    const { verifier, challenge } = createPkcePair();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const state = createState();
    const authorizationUrl = authorizationUrlOf(client, { scope: ["measurements:read", "documents:read"], state, challenge });
    const location = await approveInBrowser(patient.actor, authorizationUrl, ["measurements:read", "documents:read"]);

    // A return with another state is not taken; the true one gives the code, pasted whole or bare.
    expect(readAuthorizationReturn(location.replace(`state=${state}`, "state=autre"), state)).toMatchObject({ status: "invalid" });
    const returned = readAuthorizationReturn(location, state);
    if (returned.status !== "code") throw new Error(JSON.stringify(returned));
    expect(readAuthorizationReturn(returned.code, state)).toEqual(returned);

    expect(await exchangeCode(client, { code: returned.code, verifier: createPkcePair().verifier })).toMatchObject({ ok: false, status: 400 });
    // A wrong verifier spends nothing the patient must redo by hand: the service starts again.
    const second = readAuthorizationReturn(await approveInBrowser(patient.actor, authorizationUrlOf(client, { scope: ["measurements:read", "documents:read"], state, challenge }), ["measurements:read", "documents:read"]), state);
    if (second.status !== "code") throw new Error(JSON.stringify(second));
    const tokens = await exchangeCode(client, { code: second.code, verifier });
    if (!tokens.ok) throw new Error(JSON.stringify(tokens));
    expect(tokens.body.scope).toEqual(["measurements:read", "documents:read"]);
    expect(tokens.body.expiresIn).toBeLessThanOrEqual(600);

    const observations = await searchFhir<Observation>(client, "Observation", tokens.body.accessToken);
    expect(observations).toMatchObject({ ok: true, status: 200, body: { resourceType: "Bundle", total: 1 } });
    const documents = await searchFhir<DocumentReference>(client, "DocumentReference", tokens.body.accessToken);
    expect(documents.ok && documents.body.entry?.map((entry) => entry.resource?.description)).toEqual(["Ordonnance"]);
    // Not granted: the answer is a refusal the client reads as one.
    expect(await searchFhir(client, "Appointment", tokens.body.accessToken)).toMatchObject({ ok: false, status: 403, error: { error: "insufficient_scope" } });

    const refreshed = await refreshTokens(client, tokens.body.refreshToken);
    if (!refreshed.ok) throw new Error(JSON.stringify(refreshed));
    expect(await refreshTokens(client, tokens.body.refreshToken)).toMatchObject({ ok: false, status: 400, error: { error: "invalid_grant" } });
    expect(await searchFhir(client, "Observation", refreshed.body.accessToken)).toMatchObject({ ok: true, status: 200 });

    expect(await revokeToken(client, refreshed.body.refreshToken, "refresh_token")).toMatchObject({ ok: true, status: 200 });
    expect(await searchFhir(client, "Observation", refreshed.body.accessToken)).toMatchObject({ ok: false, status: 401 });
  });

  it("reads a refusal of the patient on the redirect URI as such", () => {
    expect(readAuthorizationReturn(`${DEMO_CLIENT_REDIRECT_URI}?error=access_denied&state=s1`, "s1")).toEqual({ status: "denied", error: "access_denied" });
  });
});
