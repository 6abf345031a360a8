import { type AddressInfo } from "node:net";
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import { Auth, type AuthConfig, customFetch, skipCSRFCheck } from "@auth/core";
import { decode } from "@auth/core/jwt";
import { eq } from "drizzle-orm";
import { type JWK, SignJWT, decodeJwt, exportJWK, generateKeyPair, importJWK } from "jose";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accountEvents, accounts } from "@/db/schema";
import { baseAuthConfig } from "@/lib/auth/auth.config";
import {
  PRO_SANTE_CONNECT_PROVIDER_ID,
  PRO_SANTE_CONNECT_REFUSED_PATH,
  proSanteConnectProvider,
  proSanteConnectSignIn,
  rppsFromClaims,
} from "@/lib/auth/pro-sante-connect";
import { findLiveProfessionalSession, findLiveSession } from "@/lib/auth/sessions";
import { createActiveAccount, createProfessional, randomRpps } from "@/tests/support/factories";

/**
 * Pro Santé Connect against a real OpenID provider (oidc-provider) started here: the app's
 * provider configuration and signIn callback inside Auth.js' own request handler, from the
 * authorisation request to the callback that sets the session cookie. The provider's ID tokens
 * can be re-signed, with the provider's own key, with one claim changed: what Auth.js must refuse.
 */

const APP = "http://localhost:3000";
const CLIENT = { clientId: "mon-espace-sante", clientSecret: "a-client-secret-for-the-test-provider" };
const CALLBACK = `${APP}/api/auth/callback/${PRO_SANTE_CONNECT_PROVIDER_ID}`;

let server: Server;
let issuer: string;
let signingKey: JWK;
/** Who the provider logs in at the next interaction, and their claims. */
let nextLogin: { accountId: string; claims: Record<string, string> };
/** Changes the next ID token's claims (re-signed with the provider's key), or nothing. */
let tamperIdToken: ((claims: Record<string, unknown>) => Record<string, unknown>) | null = null;

beforeAll(async () => {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  signingKey = { ...(await exportJWK(privateKey)), kid: "test-key", alg: "RS256", use: "sig" };
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const oidc = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.clientId,
        client_secret: CLIENT.clientSecret,
        redirect_uris: [CALLBACK],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [signingKey] },
    scopes: ["openid", "scope_all"],
    claims: { openid: ["sub"], scope_all: ["SubjectNameID", "preferred_username"] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, accountId) => ({ accountId, claims: () => ({ sub: accountId, ...nextLogin.claims }) }),
  });
  const callback = oidc.callback();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith("/interaction/")) return callback(req, res);
    // The login and consent screens, answered at once for `nextLogin`.
    void (async () => {
      const details = await oidc.interactionDetails(req, res);
      const grant = new oidc.Grant({ accountId: nextLogin.accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await oidc.interactionFinished(req, res, { login: { accountId: nextLogin.accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
    })();
  });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** The token endpoint's answer, its ID token re-signed with changed claims when a test asks. */
async function tokenFetch(...args: Parameters<typeof fetch>): Promise<Response> {
  const response = await fetch(...args);
  if (!tamperIdToken || !String(args[0]).includes("/token")) return response;
  const body = (await response.json()) as { id_token?: string };
  if (!body.id_token) return Response.json(body, { status: response.status });
  const claims = tamperIdToken(decodeJwt(body.id_token));
  const id_token = await new SignJWT(claims as Record<string, unknown>)
    .setProtectedHeader({ alg: "RS256", kid: signingKey.kid })
    .sign(await importJWK(signingKey, "RS256"));
  return Response.json({ ...body, id_token }, { status: response.status });
}

function authConfig(): AuthConfig {
  const base = baseAuthConfig();
  const provider = { ...proSanteConnectProvider({ issuer, ...CLIENT }), [customFetch]: tokenFetch };
  return {
    ...base,
    basePath: "/api/auth",
    skipCSRFCheck,
    providers: [provider],
    callbacks: { ...base.callbacks, signIn: (params) => proSanteConnectSignIn(params, { userAgent: "test" }) },
  };
}

type Jar = Map<string, string>;

function keepCookies(jar: Jar, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const index = pair!.indexOf("=");
    jar.set(pair!.slice(0, index), pair!.slice(index + 1));
  }
}

const cookieHeader = (jar: Jar) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

/**
 * One PSC login through Auth.js and the provider: "Se connecter avec Pro Santé Connect" (the
 * authorisation request, its state/nonce/PKCE cookies), the provider's login, then the callback
 * (`editCallback` may change its query). Answers where Auth.js sent the browser and the session
 * id its cookie carries, if any.
 */
async function logInWithPsc(editCallback: (url: URL) => void = () => {}) {
  const appJar: Jar = new Map();
  const start = await Auth(
    new Request(`${APP}/api/auth/signin/${PRO_SANTE_CONNECT_PROVIDER_ID}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ callbackUrl: `${APP}/pro` }),
    }),
    authConfig(),
  );
  keepCookies(appJar, start);
  let location = start.headers.get("location");
  if (!location?.startsWith(issuer)) return { location, sessionId: undefined };
  const authorizationUrl = new URL(location);
  expect(authorizationUrl.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorizationUrl.searchParams.get("nonce")).toBeTruthy();
  expect(authorizationUrl.searchParams.get("state")).toBeTruthy();

  const providerJar: Jar = new Map();
  for (let hop = 0; hop < 10 && location?.startsWith(issuer); hop += 1) {
    const response: Response = await fetch(location, { redirect: "manual", headers: { cookie: cookieHeader(providerJar) } });
    keepCookies(providerJar, response);
    const next: string | null = response.headers.get("location");
    location = next ? new URL(next, location).toString() : null;
  }
  if (!location?.startsWith(CALLBACK)) throw new Error(`the provider did not come back: ${location}`);
  const callbackUrl = new URL(location);
  editCallback(callbackUrl);
  const done = await Auth(new Request(callbackUrl, { headers: { cookie: cookieHeader(appJar) } }), authConfig());
  keepCookies(appJar, done);
  const cookie = appJar.get("authjs.session-token");
  const token = cookie ? await decode({ token: cookie, secret: baseAuthConfig().secret as string, salt: "authjs.session-token" }) : null;
  return { location: done.headers.get("location"), sessionId: token?.sessionId };
}

async function directoryProfessional() {
  const { professional, account } = await createProfessional();
  return { professional, accountId: account.id };
}

function loginAs(rpps: string, claimName: "SubjectNameID" | "preferred_username" = "SubjectNameID") {
  nextLogin = { accountId: `psc-${rpps}`, claims: { [claimName]: `8${rpps}` } };
}

describe("the RPPS in Pro Santé Connect's claims", () => {
  it('reads "8" + RPPS or a bare 11-digit RPPS, SubjectNameID first; nothing else', () => {
    expect(rppsFromClaims({ SubjectNameID: "810003456789", sub: "x" })).toBe("10003456789");
    expect(rppsFromClaims({ preferred_username: "10003456789" })).toBe("10003456789");
    expect(rppsFromClaims({ sub: "899999999999" })).toBe("99999999999");
    expect(rppsFromClaims({ SubjectNameID: "310003456789", sub: "opaque" })).toBeNull();
    expect(rppsFromClaims({ SubjectNameID: "8100034567", sub: 42 })).toBeNull();
  });
});

describe("Pro Santé Connect through Auth.js, against a local OpenID provider", () => {
  it("opens a professional session for a directory professional with an account, and records the login", async () => {
    const { professional, accountId } = await directoryProfessional();
    loginAs(professional.rpps);
    const { location, sessionId } = await logInWithPsc();
    expect(location).toBe(`${APP}/pro`);
    const live = await findLiveProfessionalSession(getDb(), sessionId, { now: new Date(), touch: false });
    expect(live?.accountId).toBe(accountId);
    expect(live?.professional.rpps).toBe(professional.rpps);
    expect(await findLiveSession(getDb(), sessionId, { now: new Date(), touch: false })).toBeNull();
    const events = await getDb().select().from(accountEvents).where(eq(accountEvents.accountId, accountId));
    expect(events.map((event) => [event.action, event.targetId])).toEqual([["auth.login-succeeded", sessionId]]);
  });

  it("creates the account, without a password, at the first PSC login of a directory professional", async () => {
    const { professional } = await createProfessional();
    await getDb().delete(accounts).where(eq(accounts.professionalId, professional.id));
    nextLogin = { accountId: `psc-${professional.rpps}`, claims: { preferred_username: professional.rpps } };
    const { sessionId } = await logInWithPsc();
    const live = await findLiveProfessionalSession(getDb(), sessionId, { now: new Date(), touch: false });
    const [account] = await getDb().select().from(accounts).where(eq(accounts.professionalId, professional.id));
    expect(account).toMatchObject({ kind: "professional", passwordHash: null, personId: null });
    expect(live?.accountId).toBe(account!.id);
    // The second PSC login finds the same account.
    const again = await logInWithPsc();
    expect((await findLiveProfessionalSession(getDb(), again.sessionId, { now: new Date(), touch: false }))?.accountId).toBe(account!.id);
  });

  it("refuses an RPPS the directory does not know: back to /pro/connexion, no account, no session", async () => {
    const rpps = randomRpps();
    loginAs(rpps);
    const { location, sessionId } = await logInWithPsc();
    expect(location).toBe(`${APP}${PRO_SANTE_CONNECT_REFUSED_PATH}`);
    expect(sessionId).toBeUndefined();
    expect(await getDb().select().from(accounts).where(eq(accounts.identifier, `psc.${rpps}`))).toEqual([]);
  });

  it("never opens a patient's session: a patient's identifiers in the claims match no directory professional", async () => {
    const patient = await createActiveAccount();
    nextLogin = { accountId: patient.accountId, claims: { SubjectNameID: `8${patient.person.nir}`, preferred_username: patient.person.nir } };
    const { location, sessionId } = await logInWithPsc();
    expect(location).toBe(`${APP}${PRO_SANTE_CONNECT_REFUSED_PATH}`);
    expect(sessionId).toBeUndefined();
  });

  it("accepts an ID token re-signed with nothing changed: what the next cases change is what Auth.js refuses", async () => {
    const { professional, accountId } = await directoryProfessional();
    loginAs(professional.rpps);
    tamperIdToken = (claims) => claims;
    try {
      const { sessionId } = await logInWithPsc();
      expect((await findLiveProfessionalSession(getDb(), sessionId, { now: new Date(), touch: false }))?.accountId).toBe(accountId);
    } finally {
      tamperIdToken = null;
    }
  });

  it.each([
    ["another issuer", (claims: Record<string, unknown>) => ({ ...claims, iss: "https://not-pro-sante-connect.example" })],
    ["another audience", (claims: Record<string, unknown>) => ({ ...claims, aud: "another-client" })],
    ["another nonce", (claims: Record<string, unknown>) => ({ ...claims, nonce: "not-the-nonce-of-this-login" })],
  ])("refuses an ID token for %s: no session", async (_case, tamper) => {
    const { professional } = await directoryProfessional();
    loginAs(professional.rpps);
    tamperIdToken = tamper;
    try {
      const { location, sessionId } = await logInWithPsc();
      expect(sessionId).toBeUndefined();
      expect(location).toMatch(/\/connexion\?error=/);
    } finally {
      tamperIdToken = null;
    }
  });

  it("refuses a callback whose state is not this login's: no session", async () => {
    const { professional } = await directoryProfessional();
    loginAs(professional.rpps);
    const { location, sessionId } = await logInWithPsc((url) => url.searchParams.set("state", "a-forged-state"));
    expect(sessionId).toBeUndefined();
    expect(location).toMatch(/\/connexion\?error=/);
  });

  it("refuses an issuer whose discovery names another issuer", async () => {
    const settings = { issuer: `${issuer.replace("127.0.0.1", "localhost")}`, ...CLIENT };
    const base = baseAuthConfig();
    const response = await Auth(
      new Request(`${APP}/api/auth/signin/${PRO_SANTE_CONNECT_PROVIDER_ID}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ callbackUrl: `${APP}/pro` }),
      }),
      { ...base, basePath: "/api/auth", skipCSRFCheck, providers: [proSanteConnectProvider(settings)] },
    );
    expect(response.headers.get("location")).toMatch(/\/connexion\?error=/);
  });
});
