import { createHash, randomBytes } from "node:crypto";
import type { Bundle, FhirResource, OperationOutcome } from "fhir/r4";
import { AUTHORIZATION_PATH } from "./paths";

/**
 * What a connected service does against our API (README "API des services connectés"), written
 * from the service's side: `npm run services:demo-client` (scripts/demo-service-client.ts) runs
 * it against a running app, and the integration tests run the same functions against the route
 * handlers in-process. No import of the app's server code: only its public paths and HTTP.
 */

/** How the client reaches the app: `fetch` over the network, or a router to the handlers in a test. */
export type Send = (request: Request) => Promise<Response>;

export type ServiceClient = { appOrigin: string; clientId: string; redirectUri: string; send: Send };

export type Tokens = { accessToken: string; refreshToken: string; expiresIn: number; scope: string[] };

export type ClientAnswer<Body> = { ok: true; status: number; body: Body } | { ok: false; status: number; error: unknown };

export const TOKEN_PATH = "/api/oauth/token";
export const REVOCATION_PATH = "/api/oauth/revoke";
export const FHIR_BASE_PATH = "/api/fhir/r4";

/** RFC 7636 §4.1–4.2: a 43-character verifier from 32 random bytes, and its S256 challenge. */
export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export function createState(): string {
  return randomBytes(16).toString("base64url");
}

/** Where the service sends the patient: our consent page, with the request of RFC 6749 §4.1.1 and PKCE. */
export function authorizationUrlOf(client: ServiceClient, { scope, state, challenge }: { scope: readonly string[]; state: string; challenge: string }): string {
  const url = new URL(AUTHORIZATION_PATH, client.appOrigin);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope: scope.join(" "),
    state,
    code_challenge: challenge,
    code_challenge_method: "S256",
  }).toString();
  return url.toString();
}

export type AuthorizationReturn = { status: "code"; code: string } | { status: "denied"; error: string } | { status: "invalid"; reason: string };

/**
 * The patient's way back to the service's redirect URI: the code, if the state is the one this
 * client sent (RFC 6749 §10.12: anything else may be a forged return). Accepts the whole URL or,
 * pasted by hand, the bare code.
 */
export function readAuthorizationReturn(returned: string, expectedState: string): AuthorizationReturn {
  const text = returned.trim();
  if (!/^https?:\/\//.test(text)) return /^[A-Za-z0-9._~-]{8,}$/.test(text) ? { status: "code", code: text } : { status: "invalid", reason: "ni une adresse de retour ni un code" };
  const url = new URL(text);
  if (url.searchParams.get("state") !== expectedState) return { status: "invalid", reason: "state différent de celui envoyé" };
  const error = url.searchParams.get("error");
  if (error) return { status: "denied", error };
  const code = url.searchParams.get("code");
  return code ? { status: "code", code } : { status: "invalid", reason: "pas de code dans l'adresse de retour" };
}

async function readAnswer<Body>(answer: Response): Promise<ClientAnswer<Body>> {
  const text = await answer.text();
  let parsed: unknown = text;
  try {
    parsed = text === "" ? null : JSON.parse(text);
  } catch {
    // Not JSON (a 404 page, say): shown as it came.
  }
  return answer.ok ? { ok: true, status: answer.status, body: parsed as Body } : { ok: false, status: answer.status, error: parsed };
}

function postForm(client: ServiceClient, path: string, fields: Record<string, string>): Promise<Response> {
  return client.send(
    new Request(new URL(path, client.appOrigin), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams(fields),
    }),
  );
}

type TokenBody = { access_token: string; refresh_token: string; expires_in: number; scope: string; token_type: string };

async function readTokens(answer: Response): Promise<ClientAnswer<Tokens>> {
  const read = await readAnswer<TokenBody>(answer);
  if (!read.ok) return read;
  const { access_token, refresh_token, expires_in, scope } = read.body;
  return { ok: true, status: read.status, body: { accessToken: access_token, refreshToken: refresh_token, expiresIn: expires_in, scope: scope.split(" ").filter(Boolean) } };
}

/** RFC 6749 §4.1.3 with the PKCE verifier (RFC 7636 §4.5): the code for tokens. */
export async function exchangeCode(client: ServiceClient, { code, verifier }: { code: string; verifier: string }): Promise<ClientAnswer<Tokens>> {
  return readTokens(await postForm(client, TOKEN_PATH, { grant_type: "authorization_code", code, redirect_uri: client.redirectUri, client_id: client.clientId, code_verifier: verifier }));
}

/** RFC 6749 §6: new tokens; the refresh token used is worth nothing afterwards (rotation). */
export async function refreshTokens(client: ServiceClient, refreshToken: string): Promise<ClientAnswer<Tokens>> {
  return readTokens(await postForm(client, TOKEN_PATH, { grant_type: "refresh_token", refresh_token: refreshToken, client_id: client.clientId }));
}

/** RFC 7009: the service gives a token up (access or refresh: both of the pair end); 200 whatever the token was. */
export async function revokeToken(client: ServiceClient, token: string, hint?: "access_token" | "refresh_token"): Promise<ClientAnswer<unknown>> {
  return readAnswer(await postForm(client, REVOCATION_PATH, { token, client_id: client.clientId, ...(hint ? { token_type_hint: hint } : {}) }));
}

export type FhirSearchable = "Observation" | "DocumentReference" | "Appointment";

/** A FHIR search of the token's patient: a searchset Bundle, or the OperationOutcome of the refusal. */
export async function searchFhir<Resource extends FhirResource>(client: ServiceClient, resourceType: FhirSearchable, accessToken: string): Promise<ClientAnswer<Bundle<Resource>>> {
  const answer = await client.send(
    new Request(new URL(`${FHIR_BASE_PATH}/${resourceType}`, client.appOrigin), { headers: { authorization: `Bearer ${accessToken}`, accept: "application/fhir+json" } }),
  );
  return readAnswer<Bundle<Resource>>(answer);
}

/** The words of a refusal, as a service's log would show them. */
export function describeRefusal(error: unknown): string {
  if (error && typeof error === "object") {
    const outcome = error as Partial<OperationOutcome> & { error?: string; error_description?: string };
    if (outcome.resourceType === "OperationOutcome") return outcome.issue?.map((issue) => issue.diagnostics ?? issue.code).join(" ; ") ?? "OperationOutcome";
    if (outcome.error) return `${outcome.error}${outcome.error_description ? ` : ${outcome.error_description}` : ""}`;
  }
  return String(error).slice(0, 200);
}
