import { expect, type Page, type Response, test } from "@playwright/test";
import { createTestDocument, createTestFolder } from "../e2e/support/documents";
import { isDocumentContentPath } from "@/lib/http/security-headers";
import { createActivePatient } from "../e2e/support/patients";
import { e2eServer } from "../e2e/support/server";
import { CREDENTIAL_COOKIES, mintSessionCookie } from "./support/credentials";
import { headerOf, type RawResponse, send } from "./support/http";
import { createClientAddress } from "../e2e/support/test";
import { Tally } from "./support/tally";

/**
 * The security headers (lib/http/security-headers.ts, set by proxy.ts) on every response of a
 * crawl of every page reachable from the home page, then from the space's home signed in: the
 * pages, their scripts and styles, the route handlers. Pages run under a CSP with a fresh nonce,
 * which Next.js puts on each of its scripts: no page may break it (a violation fails the crawl).
 */

const tally = new Tally("security headers: responses crawled");

test.afterAll(() => tally.save());

const MAX_PAGES = 80;

type HeaderSet = Record<string, string>;

/** What every response carries, whatever it is; a document's file may be framed by the site's own pages only. */
function missingCommonHeaders(headers: HeaderSet, pathname = ""): string[] {
  const problems: string[] = [];
  const frameOptions = isDocumentContentPath(pathname) ? "SAMEORIGIN" : "DENY";
  if (headers["x-content-type-options"] !== "nosniff") problems.push(`X-Content-Type-Options: ${headers["x-content-type-options"]}`);
  if (headers["referrer-policy"] !== "strict-origin-when-cross-origin") problems.push(`Referrer-Policy: ${headers["referrer-policy"]}`);
  if (headers["x-frame-options"] !== frameOptions) problems.push(`X-Frame-Options: ${headers["x-frame-options"]}`);
  // The suite runs a production build: HSTS is on (browsers ignore it over plain http).
  if (!/^max-age=\d{8,}; includeSubDomains$/.test(headers["strict-transport-security"] ?? "")) {
    problems.push(`Strict-Transport-Security: ${headers["strict-transport-security"]}`);
  }
  return problems;
}

function directivesOf(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** A page's policy: scripts and styles by nonce only, no framing, no plugins, no <base>. Returns the nonce. */
function checkPagePolicy(headers: HeaderSet, html: string, problems: string[]): string | undefined {
  const policy = headers["content-security-policy"];
  if (!policy) {
    problems.push("no Content-Security-Policy");
    return undefined;
  }
  const directives = directivesOf(policy);
  const scripts = directives.get("script-src") ?? [];
  const nonce = scripts.find((source) => source.startsWith("'nonce-"))?.slice(7, -1);
  if (!nonce || nonce.length < 22) problems.push(`script-src without a nonce: ${scripts.join(" ")}`);
  if (!scripts.includes("'strict-dynamic'")) problems.push("script-src without 'strict-dynamic'");
  if (scripts.some((source) => source === "'unsafe-inline'" || source === "'unsafe-eval'" || source === "*")) problems.push(`script-src too wide: ${scripts.join(" ")}`);
  if ((directives.get("style-src") ?? []).includes("'unsafe-inline'")) problems.push("style-src 'unsafe-inline'");
  if (directives.get("frame-ancestors")?.join(" ") !== "'none'") problems.push(`frame-ancestors: ${directives.get("frame-ancestors")}`);
  if (directives.get("object-src")?.join(" ") !== "'none'") problems.push(`object-src: ${directives.get("object-src")}`);
  if (directives.get("base-uri")?.join(" ") !== "'none'") problems.push(`base-uri: ${directives.get("base-uri")}`);
  if (directives.get("form-action")?.join(" ") !== "'self'") problems.push(`form-action: ${directives.get("form-action")}`);
  // Every script Next.js wrote into the page carries this response's nonce.
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    if (!tag.includes(`nonce="${nonce}"`)) problems.push(`a script without the nonce: ${tag.slice(0, 120)}`);
  }
  return nonce;
}

type CrawlReport = {
  pages: string[];
  problems: string[];
  nonces: string[];
  /** The Cache-Control each page was served with, by path. */
  cacheControl: Map<string, string>;
};

/**
 * A page that needs a session, found by asking for it without one: it sends the visitor to the
 * login page. Decided by the app's answer rather than by the proxy's list of the space's paths,
 * so that a page missing from that list is caught, not excused.
 */
async function needsSession(path: string): Promise<boolean> {
  const response = await send({ path, headers: { "x-forwarded-for": createClientAddress() } });
  tally.count(response.status, { isRefusal: false });
  const location = headerOf(response, "location") ?? "";
  return response.status >= 300 && response.status < 400 && new URL(location, e2eServer.origin).pathname === "/connexion";
}

/** Breadth-first through every same-origin link, from `start`; every response along the way is checked. */
async function crawl(page: Page, start: string, alsoVisit: string[] = []): Promise<CrawlReport> {
  const report: CrawlReport = { pages: [], problems: [], nonces: [], cacheControl: new Map() };
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const checked = new Set<Response>();
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.origin !== e2eServer.origin || checked.has(response)) return;
    checked.add(response);
    pending.push(
      (async () => {
        const headers = await response.allHeaders();
        const problems = missingCommonHeaders(headers, url.pathname);
        // A page, not a file shown in one of its frames (a document's preview): files carry their own policy.
        const isDocument = response.request().resourceType() === "document" && response.frame() === page.mainFrame();
        tally.count(response.status(), { isRefusal: false });
        if (isDocument && response.status() < 300) {
          const nonce = checkPagePolicy(headers, await response.text(), problems);
          if (nonce) report.nonces.push(nonce);
          report.cacheControl.set(`${url.pathname}${url.search}`, headers["cache-control"] ?? "");
        }
        for (const problem of problems) report.problems.push(`${url.pathname}${url.search} (${response.request().resourceType()}): ${problem}`);
      })().catch(() => {
        // A response whose body is gone (a redirect, a navigation away) was checked for its headers already.
      }),
    );
  });

  // Pages no link reaches from `start` yet (a feature's page before its entry point lands) are visited too.
  const queue = [start, ...alsoVisit];
  const seen = new Set(queue);
  while (queue.length > 0 && report.pages.length < MAX_PAGES) {
    const path = queue.shift()!;
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    // Where the page landed, a redirect followed: that is the response whose headers were recorded.
    const landed = new URL(page.url());
    report.pages.push(`${landed.pathname}${landed.search}`);
    const links = await page.$$eval("a[href]", (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    for (const link of links) {
      const url = new URL(link);
      if (url.origin !== e2eServer.origin) continue;
      const next = `${url.pathname}${url.search}`;
      // Files (PDF letters and receipts, the CSV exports, the agenda's .ics, a document's or an attachment's file) open in a viewer or download: their headers are checked by request below.
      if (/\/courriers\/|\/justificatif$|\/export$|\/exporter$|\/fichier$|\/pieces-jointes\//.test(url.pathname)) continue;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  await Promise.all(pending);
  report.problems.push(...violations);
  return report;
}

test("every page reachable from the home page, and everything it loads, carries the security headers and keeps to its CSP", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setExtraHTTPHeaders({ "x-forwarded-for": createClientAddress() });
  const report = await crawl(page, "/");
  expect(report.pages.length, report.pages.join(", ")).toBeGreaterThanOrEqual(5);
  expect(report.problems).toEqual([]);
  // One nonce per response, never twice.
  expect(new Set(report.nonces).size).toBe(report.nonces.length);
});

test("every page of the space, signed in, carries the security headers, is never cached and keeps to its CSP", async ({ page }) => {
  test.setTimeout(180_000);
  const patient = await createActivePatient({ isOnboarded: true });
  // Documents and a folder, so that the crawl reaches a document's page and the list filtered by folder.
  const folder = await createTestFolder(patient.id, "Examens");
  await createTestDocument(patient.id, { title: "Analyse de sang", folderId: folder.id });
  await createTestDocument(patient.id, { title: "Compte rendu", authorKind: "professional" });
  const [name, value] = (await mintSessionCookie(patient.id)).split("=") as [string, string];
  expect(name).toBe(CREDENTIAL_COOKIES.session);
  await page.context().addCookies([{ name, value, url: e2eServer.origin, httpOnly: true, sameSite: "Lax" }]);
  await page.setExtraHTTPHeaders({ "x-forwarded-for": createClientAddress() });
  const report = await crawl(page, "/accueil", ["/documents/ajouter"]);
  const privatePages: string[] = [];
  for (const path of report.pages) if (await needsSession(path)) privatePages.push(path);
  expect(privatePages.length, report.pages.join(", ")).toBeGreaterThanOrEqual(3);
  for (const path of privatePages) {
    if (!/\bno-store\b/.test(report.cacheControl.get(path) ?? "")) report.problems.push(`${path}: Cache-Control: ${report.cacheControl.get(path)}`);
  }
  expect(report.problems).toEqual([]);
  expect(new Set(report.nonces).size).toBe(report.nonces.length);
});

function headersOf(response: RawResponse): HeaderSet {
  return Object.fromEntries(Object.keys(response.headers).map((name) => [name, headerOf(response, name) ?? ""]));
}

test("route handlers, files, refusals and errors carry the security headers too", async () => {
  const paths = [
    "/api/health",
    "/api/auth/session",
    "/api/auth/csrf",
    "/activation/opposition/justificatif",
    "/historique-activite/export",
    "/remboursements/export",
    "/agenda/exporter",
    "/calendrier/adresse-inconnue.ics",
    "/profil-medical/synthese/telecharger",
    "/dev/outbox/courriers/00000000-0000-4000-8000-000000000000",
    "/icon.svg",
    "/robots.txt",
    "/page-qui-n-existe-pas",
    "/messagerie/%E0%A4%A",
  ];
  const problems: string[] = [];
  for (const path of paths) {
    const response = await send({ path });
    tally.count(response.status, { isRefusal: false });
    for (const problem of missingCommonHeaders(headersOf(response))) problems.push(`${path} (${response.status}): ${problem}`);
    if (response.status < 500 && !headerOf(response, "content-security-policy")?.includes("frame-ancestors 'none'")) {
      problems.push(`${path} (${response.status}): no frame-ancestors 'none'`);
    }
  }
  const refused = await send({ method: "POST", path: "/connexion", headers: { origin: "https://evil.example" } });
  tally.count(refused.status, { isRefusal: true });
  expect(refused.status).toBe(403);
  for (const problem of missingCommonHeaders(headersOf(refused))) problems.push(`a refused post: ${problem}`);
  const home = await send({ path: "/" });
  const script = /<script src="(\/_next\/static\/[^"]+)"/.exec(home.text)?.[1];
  expect(script).toBeDefined();
  const asset = await send({ path: script! });
  tally.count(asset.status, { isRefusal: false });
  for (const problem of missingCommonHeaders(headersOf(asset))) problems.push(`${script}: ${problem}`);
  expect(problems).toEqual([]);
});

test("each response of a page gets its own nonce", async () => {
  const nonces = new Set<string>();
  for (let index = 0; index < 20; index += 1) {
    const response = await send({ path: "/connexion" });
    tally.count(response.status, { isRefusal: false });
    const nonce = /'nonce-([^']+)'/.exec(headerOf(response, "content-security-policy") ?? "")?.[1];
    expect(nonce).toBeDefined();
    nonces.add(nonce!);
  }
  expect(nonces.size).toBe(20);
});
