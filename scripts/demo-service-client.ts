/**
 * `npm run services:demo-client -- [--app http://localhost:3000] [--scope "measurements:read documents:read agenda:read"]`
 *
 * Plays the fictitious service « Carnet de mesures (démo) » against a running app, step by step
 * (README "API des services connectés"): prints the authorisation URL with a PKCE S256 challenge,
 * waits for the patient to approve in the browser (it listens on the service's redirect URI,
 * http://127.0.0.1:8976/retour, or takes the return address or the code pasted here), exchanges
 * the code, reads Observation, DocumentReference and Appointment, refreshes the token, reads
 * again, then gives the tokens up (revocation).
 * It talks to the app over HTTP only, as a real service would.
 */
import { createServer } from "node:http";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { Bundle, FhirResource } from "fhir/r4";
import { DEMO_CLIENT_ID, DEMO_CLIENT_REDIRECT_URI } from "@/lib/connected-services/demo-catalogue";
import {
  type ClientAnswer,
  type FhirSearchable,
  type ServiceClient,
  type Tokens,
  authorizationUrlOf,
  createPkcePair,
  createState,
  describeRefusal,
  exchangeCode,
  readAuthorizationReturn,
  refreshTokens,
  revokeToken,
  searchFhir,
} from "@/lib/connected-services/service-client";

const { values } = parseArgs({
  options: {
    app: { type: "string", default: process.env.APP_ORIGIN ?? "http://localhost:3000" },
    scope: { type: "string", default: "measurements:read documents:read agenda:read" },
  },
});

const client: ServiceClient = { appOrigin: values.app, clientId: DEMO_CLIENT_ID, redirectUri: DEMO_CLIENT_REDIRECT_URI, send: (request) => fetch(request) };

function step(title: string) {
  console.log(`\n── ${title}`);
}

function fail(what: string, answer: { status: number; error: unknown }): never {
  console.error(`Échec (${what}) : HTTP ${answer.status} — ${describeRefusal(answer.error)}`);
  process.exit(1);
}

/**
 * The first of: the browser coming back on the redirect URI (its page then says it may be
 * closed), or a return address or code pasted on the terminal.
 */
function waitForReturn(state: string): Promise<string> {
  const redirect = new URL(DEMO_CLIENT_REDIRECT_URI);
  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin });
    const server = createServer((request, response) => {
      const url = new URL(request.url ?? "/", redirect.origin);
      if (url.pathname !== redirect.pathname) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<!doctype html><html lang=fr><title>Carnet de mesures (démo)</title><p>C'est reçu : vous pouvez fermer cet onglet et revenir au terminal.</p>");
      finish(url.toString());
    });
    function finish(returned: string) {
      const read = readAuthorizationReturn(returned, state);
      if (read.status === "invalid") {
        console.log(`Ignoré (${read.reason}).`);
        return;
      }
      lines.close();
      server.close();
      resolve(returned);
    }
    server.on("error", (error) => console.log(`Pas d'écoute sur ${redirect.origin} (${error.message}) : collez l'adresse de retour ou le code.`));
    server.listen(Number(redirect.port), redirect.hostname);
    lines.on("line", (line) => line.trim() && finish(line));
  });
}

async function read(resourceType: FhirSearchable, tokens: Tokens): Promise<void> {
  const answer: ClientAnswer<Bundle<FhirResource>> = await searchFhir(client, resourceType, tokens.accessToken);
  if (!answer.ok) {
    console.log(`GET ${resourceType} : HTTP ${answer.status} — ${describeRefusal(answer.error)}`);
    return;
  }
  console.log(`GET ${resourceType} : HTTP ${answer.status}, ${answer.body.total ?? 0} ressource(s)`);
  for (const entry of answer.body.entry?.slice(0, 5) ?? []) console.log(`  ${JSON.stringify(entry.resource)}`);
  if ((answer.body.entry?.length ?? 0) > 5) console.log("  …");
}

async function main() {
  const { verifier, challenge } = createPkcePair();
  const state = createState();
  const scope = values.scope.split(/\s+/).filter(Boolean);

  step("1. Autorisation");
  console.log("Ouvrez cette adresse dans le navigateur, connectez-vous comme patient et autorisez le service :");
  console.log(`\n  ${authorizationUrlOf(client, { scope, state, challenge })}\n`);
  console.log(`En attente du retour sur ${DEMO_CLIENT_REDIRECT_URI} (ou collez ici l'adresse de retour ou le code)…`);
  const returned = readAuthorizationReturn(await waitForReturn(state), state);
  if (returned.status === "denied") {
    console.log(`Le patient a refusé (${returned.error}).`);
    process.exit(1);
  }
  if (returned.status !== "code") throw new Error("unreachable: waitForReturn resolves with a usable return only");

  step("2. Échange du code (avec le code_verifier PKCE)");
  const exchanged = await exchangeCode(client, { code: returned.code, verifier });
  if (!exchanged.ok) fail("échange du code", exchanged);
  console.log(`Jeton d'accès valable ${exchanged.body.expiresIn} s, finalités accordées : ${exchanged.body.scope.join(", ")}`);

  step("3. Lecture des données (FHIR R4)");
  await read("Observation", exchanged.body);
  await read("DocumentReference", exchanged.body);
  await read("Appointment", exchanged.body);

  step("4. Rafraîchissement du jeton");
  const refreshed = await refreshTokens(client, exchanged.body.refreshToken);
  if (!refreshed.ok) fail("rafraîchissement", refreshed);
  console.log(`Nouveau jeton d'accès valable ${refreshed.body.expiresIn} s ; l'ancien jeton de rafraîchissement ne vaut plus rien :`);
  const replayed = await refreshTokens(client, exchanged.body.refreshToken);
  console.log(`  rejouer l'ancien : HTTP ${replayed.status}${replayed.ok ? "" : ` — ${describeRefusal(replayed.error)}`}`);
  await read("Observation", refreshed.body);

  step("5. Révocation du jeton (RFC 7009)");
  const revoked = await revokeToken(client, refreshed.body.refreshToken, "refresh_token");
  console.log(`POST /api/oauth/revoke : HTTP ${revoked.status} ; le jeton d'accès de la même paire est refusé aussi :`);
  await read("Observation", refreshed.body);
  console.log("Le service reste connecté : seul le patient le déconnecte, depuis le Catalogue.");

  console.log("\nTerminé. Ces lectures figurent dans l'historique d'activité du patient (« Services tiers »).");
}

try {
  await main();
} catch (error) {
  // Most often the app is not running at --app: say so without a stack trace.
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
  console.error(`Échec : ${error instanceof Error ? error.message : String(error)}${cause}`);
  process.exit(1);
}
