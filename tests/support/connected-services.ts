import { expect } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { answerAppointmentSearch, answerDocumentReferenceSearch, answerObservationSearch } from "@/lib/connected-services/api";
import { approveAuthorization } from "@/lib/connected-services/authorization";
import { answerTokenRequest } from "@/lib/connected-services/oauth";
import { AUTHORIZATION_PATH } from "@/lib/connected-services/paths";
import { answerRevocationRequest } from "@/lib/connected-services/revocation";
import { authorizationRequestSchema, tickedPurposes } from "@/lib/connected-services/schemas";
import { type ServiceClient, type Tokens, authorizationUrlOf, createPkcePair, createState, exchangeCode, readAuthorizationReturn } from "@/lib/connected-services/service-client";

export const ORIGIN = "http://127.0.0.1:3000";

/**
 * The app's connected-services route handlers, in-process, by method and path: what a service's
 * fetch reaches on a running app. `now` is the clock of the FHIR reads (a test may move it on);
 * any other path is a 404, as it is on the app.
 */
export function sendInProcess({ now = () => new Date() }: { now?: () => Date } = {}) {
  const handlers: Record<string, (request: Request) => Promise<Response>> = {
    "POST /api/oauth/token": answerTokenRequest,
    "POST /api/oauth/revoke": (request) => answerRevocationRequest(request, now()),
    "GET /api/fhir/r4/Observation": (request) => answerObservationSearch(request, now()),
    "GET /api/fhir/r4/DocumentReference": (request) => answerDocumentReferenceSearch(request, now()),
    "GET /api/fhir/r4/Appointment": (request) => answerAppointmentSearch(request, now()),
  };
  return async (request: Request): Promise<Response> => {
    const handler = handlers[`${request.method} ${new URL(request.url).pathname}`];
    return handler ? handler(request) : new Response("Not found", { status: 404 });
  };
}

/**
 * The patient's browser on the consent page: reads the service's request from the authorisation
 * URL as the page does, ticks `granted` and presses « Autoriser »; where the browser goes next.
 */
export async function approveInBrowser(actor: Actor, authorizationUrl: string, granted: readonly string[], now = new Date()): Promise<string> {
  const url = new URL(authorizationUrl);
  expect(url.pathname).toBe(AUTHORIZATION_PATH);
  const fields = authorizationRequestSchema.parse(Object.fromEntries(url.searchParams.entries()));
  const purposes = tickedPurposes(Object.fromEntries(granted.map((purpose) => [`finalite-${purpose}`, "oui"])));
  const outcome = await approveAuthorization({ actor, fields, purposes, now });
  if (outcome.status !== "redirect") throw new Error(`not approved: ${JSON.stringify(outcome)}`);
  return outcome.location;
}

/** A service client of `service` reaching the handlers in-process. */
export function inProcessClient(service: { code: string; redirectUris: string[] }, options: Parameters<typeof sendInProcess>[0] = {}): ServiceClient {
  return { appOrigin: ORIGIN, clientId: service.code, redirectUri: service.redirectUris[0]!, send: sendInProcess(options) };
}

/** The whole flow as a service runs it, for `actor` granting `granted`: the tokens. */
export async function connectThroughClient(client: ServiceClient, actor: Actor, granted: readonly string[]): Promise<Tokens> {
  const { verifier, challenge } = createPkcePair();
  const state = createState();
  const location = await approveInBrowser(actor, authorizationUrlOf(client, { scope: granted, state, challenge }), granted);
  const returned = readAuthorizationReturn(location, state);
  if (returned.status !== "code") throw new Error(JSON.stringify(returned));
  const tokens = await exchangeCode(client, { code: returned.code, verifier });
  if (!tokens.ok) throw new Error(JSON.stringify(tokens));
  return tokens.body;
}
