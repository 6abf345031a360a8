import "server-only";
import { createHash } from "node:crypto";
import OAuth2Server, { OAuthError, Request as OAuthRequest, Response as OAuthResponse } from "@node-oauth/oauth2-server";
import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { connectedServices, oauthAuthorizationCodes, oauthTokens, serviceConnections } from "@/db/schema";
import { parseScope } from "./purposes";

/**
 * OAuth 2.0 for connected services (RFC 6749 authorization code, RFC 7636 PKCE with S256 only):
 * the protocol — codes, verifier check, token issuing and rotation, bearer parsing — is
 * @node-oauth/oauth2-server's; this file is its storage (the "model") over our tables, and the
 * bridge between its plain request objects and the Web requests of Next.js route handlers. Why
 * this library and these lifetimes: docs/decisions/0026-connected-services-oauth.md.
 *
 * A client is a referenced service (client_id = its code): a public client, no secret, so PKCE
 * is required. The "user" the library carries is the patient's connection to that service.
 */

/** An access token lives 10 minutes: a service refreshes it, and every refresh checks the connection again. */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 10 * 60;
/** A refresh token lives 30 days and is replaced at each use. */
export const REFRESH_TOKEN_LIFETIME_SECONDS = 30 * 24 * 60 * 60;
/** An authorisation code is exchanged at once by the service's back end. */
export const AUTHORIZATION_CODE_LIFETIME_SECONDS = 60;

export type ConnectionUser = { connectionId: string };

/** Secrets are kept as their SHA-256: a leaked table gives no usable code or token. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

type ServiceClient = OAuth2Server.Client & { serviceId: string };

function clientOf(service: { id: string; code: string; redirectUris: string[] }): ServiceClient {
  return {
    id: service.code,
    serviceId: service.id,
    redirectUris: service.redirectUris,
    grants: ["authorization_code", "refresh_token"],
    accessTokenLifetime: ACCESS_TOKEN_LIFETIME_SECONDS,
    refreshTokenLifetime: REFRESH_TOKEN_LIFETIME_SECONDS,
  };
}

/** The client of a referenced service that is online; a suspended or delisted one gets no new code or token. */
export async function findServiceClient(clientId: string): Promise<ServiceClient | null> {
  const [service] = await getDb()
    .select({ id: connectedServices.id, code: connectedServices.code, redirectUris: connectedServices.redirectUris })
    .from(connectedServices)
    .where(and(eq(connectedServices.code, clientId), eq(connectedServices.status, "online")))
    .limit(1);
  return service ? clientOf(service) : null;
}

/** The live connection behind a code or a token, with its client; null once disconnected. */
async function findLiveConnectionClient(connectionId: string): Promise<ServiceClient | null> {
  const [row] = await getDb()
    .select({ id: connectedServices.id, code: connectedServices.code, redirectUris: connectedServices.redirectUris })
    .from(serviceConnections)
    .innerJoin(connectedServices, eq(connectedServices.id, serviceConnections.serviceId))
    .where(and(eq(serviceConnections.id, connectionId), isNull(serviceConnections.disconnectedAt)))
    .limit(1);
  return row ? clientOf(row) : null;
}

const model: OAuth2Server.AuthorizationCodeModel & OAuth2Server.RefreshTokenModel = {
  async getClient(clientId) {
    return findServiceClient(clientId);
  },

  async validateScope(user, _client, scope) {
    // The consent page asks the library for exactly the purposes the patient granted.
    const purposes = parseScope(scope ?? []);
    return purposes && purposes.length > 0 && (user as ConnectionUser).connectionId ? purposes : false;
  },

  async saveAuthorizationCode(code, client, user) {
    // PKCE is optional in the library; here it is required, S256 only (the library refuses "plain").
    if (!code.codeChallenge || code.codeChallengeMethod !== "S256") return false;
    await getDb()
      .insert(oauthAuthorizationCodes)
      .values({
        codeHash: hashSecret(code.authorizationCode),
        connectionId: (user as ConnectionUser).connectionId,
        redirectUri: code.redirectUri,
        scope: code.scope ?? [],
        codeChallenge: code.codeChallenge,
        codeChallengeMethod: code.codeChallengeMethod,
        expiresAt: code.expiresAt,
      });
    return { ...code, client, user };
  },

  async getAuthorizationCode(authorizationCode) {
    const [row] = await getDb()
      .select()
      .from(oauthAuthorizationCodes)
      .where(eq(oauthAuthorizationCodes.codeHash, hashSecret(authorizationCode)))
      .limit(1);
    if (!row) return false;
    const client = await findLiveConnectionClient(row.connectionId);
    if (!client) return false;
    return {
      authorizationCode,
      expiresAt: row.expiresAt,
      redirectUri: row.redirectUri,
      scope: row.scope,
      codeChallenge: row.codeChallenge,
      codeChallengeMethod: row.codeChallengeMethod,
      client,
      user: { connectionId: row.connectionId } satisfies ConnectionUser,
    };
  },

  async revokeAuthorizationCode(code) {
    // Single use: the exchange deletes it, and a second exchange finds nothing.
    const deleted = await getDb()
      .delete(oauthAuthorizationCodes)
      .where(eq(oauthAuthorizationCodes.codeHash, hashSecret(code.authorizationCode)))
      .returning({ id: oauthAuthorizationCodes.id });
    return deleted.length === 1;
  },

  async saveToken(token, client, user) {
    const connectionId = (user as ConnectionUser).connectionId;
    if (!token.accessTokenExpiresAt) return false;
    await getDb()
      .insert(oauthTokens)
      .values({
        accessTokenHash: hashSecret(token.accessToken),
        accessTokenExpiresAt: token.accessTokenExpiresAt,
        refreshTokenHash: token.refreshToken ? hashSecret(token.refreshToken) : null,
        refreshTokenExpiresAt: token.refreshToken ? (token.refreshTokenExpiresAt ?? null) : null,
        connectionId,
        scope: token.scope ?? [],
      });
    return { ...token, client, user };
  },

  async getAccessToken(accessToken) {
    const [row] = await getDb()
      .select({ connectionId: oauthTokens.connectionId, scope: oauthTokens.scope, expiresAt: oauthTokens.accessTokenExpiresAt })
      .from(oauthTokens)
      .where(and(eq(oauthTokens.accessTokenHash, hashSecret(accessToken)), isNull(oauthTokens.revokedAt)))
      .limit(1);
    if (!row) return false;
    return {
      accessToken,
      accessTokenExpiresAt: row.expiresAt,
      scope: row.scope,
      client: { id: "", grants: [] },
      user: { connectionId: row.connectionId } satisfies ConnectionUser,
    };
  },

  async verifyScope(token, scope) {
    return scope.every((purpose) => token.scope?.includes(purpose));
  },

  async getRefreshToken(refreshToken) {
    const [row] = await getDb()
      .select({ connectionId: oauthTokens.connectionId, scope: oauthTokens.scope, expiresAt: oauthTokens.refreshTokenExpiresAt })
      .from(oauthTokens)
      .where(and(eq(oauthTokens.refreshTokenHash, hashSecret(refreshToken)), isNull(oauthTokens.revokedAt), gt(oauthTokens.refreshTokenExpiresAt, new Date())))
      .limit(1);
    if (!row?.expiresAt) return false;
    // A disconnected patient's refresh token is worth nothing, even if its row was somehow left unrevoked.
    const client = await findLiveConnectionClient(row.connectionId);
    if (!client) return false;
    return { refreshToken, refreshTokenExpiresAt: row.expiresAt, scope: row.scope, client, user: { connectionId: row.connectionId } satisfies ConnectionUser };
  },

  async revokeToken(token) {
    // Rotation: the refresh token used (and the access token issued with it) stop working.
    const revoked = await getDb()
      .update(oauthTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(oauthTokens.refreshTokenHash, hashSecret(token.refreshToken)), isNull(oauthTokens.revokedAt)))
      .returning({ id: oauthTokens.id });
    return revoked.length === 1;
  },
};

const server = new OAuth2Server({
  model,
  // Public clients (a service's app): no secret, the PKCE verifier proves it is the one that asked.
  requireClientAuthentication: { authorization_code: false, refresh_token: false },
  authorizationCodeLifetime: AUTHORIZATION_CODE_LIFETIME_SECONDS,
  accessTokenLifetime: ACCESS_TOKEN_LIFETIME_SECONDS,
  refreshTokenLifetime: REFRESH_TOKEN_LIFETIME_SECONDS,
  allowBearerTokensInQueryString: false,
});

/** What the consent page passes on from the service's authorisation request. */
export type AuthorizationRequest = {
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  codeChallengeMethod: "S256";
};

/**
 * Issues the authorisation code for a connection the patient just approved, with the purposes
 * granted as its scope: the URL to send the patient back to, code and state in it.
 */
export async function issueAuthorizationCode(request: AuthorizationRequest, { connectionId, scope }: { connectionId: string; scope: readonly string[] }): Promise<string> {
  const oauthRequest = new OAuthRequest({
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    query: {},
    body: {
      response_type: "code",
      client_id: request.clientId,
      redirect_uri: request.redirectUri,
      state: request.state,
      scope: scope.join(" "),
      code_challenge: request.codeChallenge,
      code_challenge_method: request.codeChallengeMethod,
    },
  });
  const oauthResponse = new OAuthResponse({ headers: {} });
  await server.authorize(oauthRequest, oauthResponse, {
    authenticateHandler: { handle: (): ConnectionUser => ({ connectionId }) },
  });
  const location = oauthResponse.get("location");
  if (typeof location !== "string") throw new Error("the authorisation answered no redirect");
  return location;
}

/** The redirect of a refusal ("Refuser"): the service learns the patient said no (RFC 6749 §4.1.2.1). */
export function deniedRedirect(request: Pick<AuthorizationRequest, "redirectUri" | "state">): string {
  const url = new URL(request.redirectUri);
  url.searchParams.set("error", "access_denied");
  url.searchParams.set("state", request.state);
  return url.toString();
}

function headersOf(request: Request): Record<string, string> {
  return Object.fromEntries(request.headers.entries());
}

export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", Pragma: "no-cache", ...headers },
  });
}

function errorAnswer(error: unknown, headers: Record<string, string> = {}): Response {
  if (error instanceof OAuthError) return jsonAnswer(error.code, { error: error.name, error_description: error.message }, headers);
  throw error;
}

/** The token endpoint (POST, form-encoded): code + verifier, or refresh token, for tokens. */
export async function answerTokenRequest(request: Request): Promise<Response> {
  const text = await request.text();
  const form = new URLSearchParams(text);
  // The library asks type-is whether the request has a body, which it reads from the length
  // header: a Web request read here may have none (chunked, or built in-process).
  const headers = { ...headersOf(request), "content-length": String(Buffer.byteLength(text)) };
  const oauthRequest = new OAuthRequest({ method: request.method, headers, query: {}, body: Object.fromEntries(form.entries()) });
  const oauthResponse = new OAuthResponse({ headers: {} });
  try {
    await server.token(oauthRequest, oauthResponse);
  } catch (error) {
    return errorAnswer(error);
  }
  return jsonAnswer(oauthResponse.status ?? 200, oauthResponse.body);
}

/**
 * The connection a bearer token was issued for, if the token is live and carries `purpose`; else
 * the OAuth error answer to send. What the connection may reach now is decided next (decide.ts).
 */
export async function authenticateBearer(request: Request, purpose: string): Promise<{ connectionId: string; scope: string[] } | { refusal: Response }> {
  const url = new URL(request.url);
  const oauthRequest = new OAuthRequest({ method: request.method, headers: headersOf(request), query: Object.fromEntries(url.searchParams.entries()) });
  const oauthResponse = new OAuthResponse({ headers: {} });
  try {
    const token = await server.authenticate(oauthRequest, oauthResponse, { scope: [purpose] });
    return { connectionId: (token.user as ConnectionUser).connectionId, scope: token.scope ?? [] };
  } catch (error) {
    const challenge = oauthResponse.get("www-authenticate");
    return { refusal: errorAnswer(error, typeof challenge === "string" ? { "WWW-Authenticate": challenge } : { "WWW-Authenticate": 'Bearer realm="Mon espace santé"' }) };
  }
}
