import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { e2eServer } from "../e2e/support/server";
import { ROUTE_FUZZ_REQUESTS } from "../support/test-volume";
import { forEachLimited, type RawRequest, send } from "./support/http";
import { Tally } from "./support/tally";

/**
 * fast-check against every route handler: thousands of arbitrary requests each (any method, extra path
 * segments, broken percent-encoding, query strings, cookies, bodies of any type). The answer is
 * never a 5xx and never holds the server's secret.
 */

const CONCURRENCY = 4;

const tally = new Tally("route handlers: fuzzed requests (fast-check)");

test.afterAll(() => tally.save());

/** Printable ASCII: what node:http lets a header carry. */
const headerText = fc.string({ maxLength: 80 }).map((text) => text.replace(/[^\x20-\x7e]/g, ""));

/** A path segment: well encoded, or with the raw and broken escapes a hand-made request may hold. */
const segment = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }).map(encodeURIComponent) },
  { weight: 2, arbitrary: fc.webSegment() },
  {
    weight: 1,
    arbitrary: fc.constantFrom("..", ".", "%2e%2e", "%2F", "%5C", "%00", "%E0%A4%A", "%zz", "%", "%C0%AF", "..%2F..%2Fetc%2Fpasswd", "~", ";x=1"),
  },
  { weight: 1, arbitrary: fc.uuid() },
);

const query = fc.oneof(
  fc.constant(""),
  fc.webQueryParameters().map((parameters) => `?${parameters}`),
  fc
    .dictionary(fc.constantFrom("callbackUrl", "error", "id", "csrf", "provider", "destinataire"), fc.string({ maxLength: 40 }))
    .map((entries) => `?${new URLSearchParams(entries)}`),
  fc.constantFrom("?callbackUrl=https%3A%2F%2Fevil.example", "?%", "?a=%E0%A4%A", "?callbackUrl=javascript:alert(1)"),
);

const cookieName = fc.constantFrom("authjs.session-token", "authjs.csrf-token", "authjs.callback-url", "mes_parcours", "mes_connexion", "x");

const body = fc.oneof(
  fc.constant(undefined),
  fc.record({ contentType: fc.constant("application/json"), text: fc.json() }),
  fc.record({ contentType: fc.constant("application/json"), text: fc.string({ maxLength: 100 }) }),
  fc.record({
    contentType: fc.constant("application/x-www-form-urlencoded"),
    text: fc.dictionary(fc.constantFrom("csrfToken", "challengeToken", "code", "callbackUrl", "json"), fc.string({ maxLength: 40 })).map(
      (entries) => String(new URLSearchParams(entries)),
    ),
  }),
  fc.record({ contentType: fc.constantFrom("text/plain", "multipart/form-data", "application/octet-stream", ""), text: fc.string({ maxLength: 200 }) }),
);

function requestArbitrary(basePath: string, { extraSegments }: { extraSegments: number }): fc.Arbitrary<RawRequest> {
  return fc
    .record({
      method: fc.constantFrom("GET", "GET", "GET", "POST", "POST", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"),
      segments: fc.array(segment, { maxLength: extraSegments }),
      query,
      cookies: fc.array(fc.tuple(cookieName, headerText.map((text) => text.replace(/[;,\s]/g, ""))), { maxLength: 3 }),
      hasOrigin: fc.boolean(),
      body,
      accept: fc.constantFrom(undefined, "application/json", "text/html", "*/*", "text/x-component"),
    })
    .map(({ method, segments, query: search, cookies, hasOrigin, body: payload, accept }) => {
      const headers: Record<string, string> = {};
      if (cookies.length > 0) headers.cookie = cookies.map(([name, value]) => `${name}=${value}`).join("; ");
      // With the app's own Origin the proxy lets a post through: the handler itself must cope.
      if (hasOrigin) headers.origin = e2eServer.origin;
      if (accept) headers.accept = accept;
      const hasBody = payload !== undefined && method !== "GET" && method !== "HEAD";
      if (hasBody && payload.contentType) headers["content-type"] = payload.contentType;
      return { method, path: `${[basePath, ...segments].join("/")}${search}`, headers, body: hasBody ? payload.text : undefined };
    });
}

const ROUTES = [
  { name: "the health check", path: "/api/health", extraSegments: 0 },
  { name: "Auth.js' handler", path: "/api/auth", extraSegments: 3 },
  { name: "the opposition receipt", path: "/activation/opposition/justificatif", extraSegments: 0 },
  { name: "the activity history's CSV export", path: "/historique-activite/export", extraSegments: 0 },
  { name: "the reimbursements' CSV export", path: "/remboursements/export", extraSegments: 0 },
  { name: "the outbox's letters", path: "/dev/outbox/courriers", extraSegments: 2 },
  { name: "the documents' upload", path: "/documents/televersement", extraSegments: 0 },
  { name: "the advance directives' upload", path: "/profil-medical/directives-anticipees/televersement", extraSegments: 0 },
  { name: "the medical synthesis' download", path: "/profil-medical/synthese/telecharger", extraSegments: 0 },
  { name: "Pro Santé Connect's start (unconfigured here: 404)", path: "/pro/connexion/pro-sante-connect", extraSegments: 0 },
  { name: "a document's bytes", path: "/documents/00000000-0000-4000-8000-000000000000/fichier", extraSegments: 0 },
  { name: "the professional's deposit", path: "/pro/televersement", extraSegments: 0 },
  { name: "the connected services' OAuth token endpoint", path: "/api/oauth/token", extraSegments: 0 },
  { name: "the connected services' OAuth token revocation", path: "/api/oauth/revoke", extraSegments: 0 },
  { name: "the connected services' FHIR measurements", path: "/api/fhir/r4/Observation", extraSegments: 0 },
  { name: "the connected services' FHIR documents", path: "/api/fhir/r4/DocumentReference", extraSegments: 0 },
  { name: "the connected services' FHIR agenda", path: "/api/fhir/r4/Appointment", extraSegments: 0 },
  { name: "the patient's messages", path: "/messagerie/envoi", extraSegments: 0 },
  { name: "the professional's messages", path: "/pro/messagerie/envoi", extraSegments: 0 },
  { name: "a message's attachment", path: "/messagerie/00000000-0000-4000-8000-000000000000/pieces-jointes/00000000-0000-4000-8000-000000000000", extraSegments: 0 },
  {
    name: "a message's attachment for a professional",
    path: "/pro/messagerie/00000000-0000-4000-8000-000000000000/pieces-jointes/00000000-0000-4000-8000-000000000000",
    extraSegments: 0,
  },
  { name: "the agenda's .ics export", path: "/agenda/exporter", extraSegments: 0 },
  { name: "one appointment's .ics export", path: "/agenda/rendez-vous/00000000-0000-4000-8000-000000000000/exporter", extraSegments: 0 },
  { name: "the private calendar subscription", path: "/calendrier", extraSegments: 1 },
  {
    name: "a patient's document's bytes for a professional",
    path: "/pro/patients/00000000-0000-4000-8000-000000000000/documents/00000000-0000-4000-8000-000000000000/fichier",
    extraSegments: 0,
  },
] as const;

for (const route of ROUTES) {
  test(`${route.name} (${route.path}) answers ${ROUTE_FUZZ_REQUESTS.toLocaleString("en")} arbitrary requests without a 5xx`, async () => {
    test.setTimeout(300_000);
    const requests = fc.sample(requestArbitrary(route.path, route), { numRuns: ROUTE_FUZZ_REQUESTS, seed: route.path.length });
    const failures: string[] = [];
    await forEachLimited(requests, CONCURRENCY, async (request, index) => {
      const response = await send(request);
      tally.count(response.status, { isRefusal: response.status >= 400 && response.status < 500 });
      if (response.status >= 500) failures.push(`#${index} ${request.method} ${request.path}: ${response.status} ${response.text.slice(0, 120)}`);
      if (response.text.includes(e2eServer.authSecret)) failures.push(`#${index} ${request.method} ${request.path}: the answer holds AUTH_SECRET`);
    });
    expect(failures).toEqual([]);
  });
}
