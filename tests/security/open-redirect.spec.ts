import { expect, test } from "@playwright/test";
import { giveActiveAccount } from "../e2e/support/accounts";
import { createRegisteredPerson } from "../e2e/support/register";
import { e2eServer } from "../e2e/support/server";
import { mintSessionCookie } from "./support/credentials";
import { bodyWithFields } from "./support/fuzz";
import { forEachLimited, headerOf, send, setCookiesOf } from "./support/http";
import { createClientAddress } from "../e2e/support/test";
import { captureLoginActions, type LoginCaptures, loginAttemptCookieOf } from "./support/login-captures";
import { outcomeOf, replayOf } from "./support/replay";
import { createCanaryPassword, readFromOutbox } from "./support/server-actions";
import { Tally } from "./support/tally";

/**
 * 200 crafted destinations (other sites written every way browsers and parsers accept: "//",
 * backslashes, schemes, encodings one to three levels deep, tabs and newlines, look-alike
 * slashes, dot segments, userinfo) given wherever the app takes one: the login page, with and
 * without a session; the password step's and the code step's own posts, through to a real login;
 * the proxy's redirect to the login page. Every redirect stays on APP_ORIGIN.
 */

const tally = new Tally("open redirects: crafted destinations");

/** Requests in flight at once: the app and the tests share two cores. */
const CONCURRENCY = 4;

test.afterAll(() => tally.save());

const APP = new URL(e2eServer.origin);
const EVIL = "evil.example";

const BASES: readonly string[] = [
  `//${EVIL}`,
  `///${EVIL}`,
  `////${EVIL}`,
  `/\\${EVIL}`,
  `\\/${EVIL}`,
  `\\\\${EVIL}`,
  `/\\/${EVIL}`,
  `/\\\\${EVIL}`,
  `https://${EVIL}`,
  `http://${EVIL}/accueil`,
  `HTTPS://${EVIL.toUpperCase()}`,
  `https:${EVIL}`,
  `https:/${EVIL}`,
  `https:\\\\${EVIL}`,
  `http:\\${EVIL}`,
  `//${EVIL}@${APP.host}`,
  `${APP.origin}@${EVIL}`,
  `${APP.origin}.${EVIL}`,
  `//${EVIL}\\@${APP.host}`,
  `//${EVIL}/%2e%2e`,
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  "javascript://%0aalert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  `/\t/${EVIL}`,
  `/\n/${EVIL}`,
  `/\r/${EVIL}`,
  `/ /${EVIL}`,
  `\t//${EVIL}`,
  ` //${EVIL}`,
  `/%09/${EVIL}`,
  `/%0a/${EVIL}`,
  `/%0d/${EVIL}`,
  `%0d%0aLocation:%20https://${EVIL}`,
  "/%0d%0aSet-Cookie:%20pris=1",
  `/%2F%2F${EVIL}`,
  `%2F%2F${EVIL}`,
  `%2f%2f${EVIL}`,
  `/%5C${EVIL}`,
  `%5C%5C${EVIL}`,
  `/%252F%252F${EVIL}`,
  `/%25252F%25252F${EVIL}`,
  `/\uff0f${EVIL}`,
  `\uff0f\uff0f${EVIL}`,
  `/\u2044${EVIL}`,
  `/\u2215${EVIL}`,
  `/%EF%BC%8F%EF%BC%8F${EVIL}`,
  `//evil\u3002example`,
  `/\u2028/${EVIL}`,
  `/\u3000/${EVIL}`,
  `/a/../..//${EVIL}`,
  `/./..//${EVIL}`,
  `/accueil/..%2F..%2F%2F${EVIL}`,
  `/%2e%2e//${EVIL}`,
  "//0x7f.1",
  "//2130706433",
  "//[::1]",
  `//localhost:${APP.port}`,
  `?x=//${EVIL}`,
  `#//${EVIL}`,
  EVIL,
  `.${EVIL}`,
  `@${EVIL}`,
  `${"/".repeat(3000)}${EVIL}`,
  `https://${EVIL}:443/`,
  `//%65%76%69%6c.example`,
  `https://${APP.host}@${EVIL}/`,
  `/%2F/${EVIL}`,
  `/..;/..;//${EVIL}`,
];

/** Each base as written, and percent-encoded once and twice: 200 in all. */
const CRAFTED: readonly string[] = [
  ...new Set(BASES.flatMap((base) => [base, encodeURIComponent(base), encodeURIComponent(encodeURIComponent(base))])),
].slice(0, 200);

/** Where a browser on the app's page would land when sent to `target` (a Location, a redirect's path). */
function landsOnApp(target: string): boolean {
  if (/[\u0000-\u001f\u007f\\]/.test(target)) return false;
  try {
    return new URL(target, APP.origin).origin === APP.origin && !target.startsWith("//");
  } catch {
    return false;
  }
}

function callbackInForm(html: string): string | undefined {
  const value = /name="callbackUrl" value="([^"]*)"/.exec(html)?.[1];
  return value?.replaceAll("&amp;", "&").replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">");
}

test("the login page keeps only same-origin destinations, in its form and in its redirect of a signed-in person", async () => {
  test.setTimeout(180_000);
  expect(CRAFTED).toHaveLength(200);
  const person = await createRegisteredPerson();
  await giveActiveAccount(person);
  const session = await mintSessionCookie(person.id);
  const failures: string[] = [];
  await forEachLimited(CRAFTED, CONCURRENCY, async (crafted) => {
    const path = `/connexion?callbackUrl=${encodeURIComponent(crafted)}`;
    // A 4xx (a URL too long for the server, one that does not decode) sends no one anywhere.
    const isRefused = (status: number) => status >= 400 && status < 500;
    const signedOut = await send({ path });
    tally.count(signedOut.status, { isRefusal: true });
    const kept = callbackInForm(signedOut.text);
    if (!isRefused(signedOut.status) && (signedOut.status !== 200 || kept === undefined || !landsOnApp(kept))) {
      failures.push(`signed out, ${JSON.stringify(crafted)}: ${signedOut.status} ${kept}`);
    }

    const signedIn = await send({ path, headers: { cookie: session } });
    tally.count(signedIn.status, { isRefusal: true });
    const location = headerOf(signedIn, "location") ?? "";
    if (!isRefused(signedIn.status) && (signedIn.status < 300 || signedIn.status >= 400 || !landsOnApp(location))) {
      failures.push(`signed in, ${JSON.stringify(crafted)}: ${signedIn.status} → ${location}`);
    }
  });
  expect(failures).toEqual([]);
});

async function createLoginCaptures(page: import("@playwright/test").Page) {
  const person = await createRegisteredPerson();
  const account = await giveActiveAccount(person, { password: createCanaryPassword() });
  return { person, account, captures: await captureLoginActions(page, account) };
}

test("the password step sends every crafted destination on to the code page as a same-origin path", async ({ page }) => {
  test.setTimeout(180_000);
  const { captures } = await createLoginCaptures(page);
  const failures: string[] = [];
  await forEachLimited(CRAFTED, CONCURRENCY, async (crafted, index) => {
    const { body, contentType } = await bodyWithFields(captures.password, { callbackUrl: crafted });
    // A new client address every 20 checks: the per-address limit is not what this test is about.
    const address = `192.0.2.${Math.floor(index / 20) + 1}`;
    const response = await send(replayOf(captures.password, { cookie: null, body, headers: { "content-type": contentType, "x-forwarded-for": address } }));
    tally.count(response.status, { isRefusal: true });
    const { redirect } = outcomeOf(response);
    const next = redirect ? new URL(redirect, APP.origin).searchParams.get("callbackUrl") : null;
    if (!redirect || !landsOnApp(redirect) || next === null || !landsOnApp(next)) {
      failures.push(`${JSON.stringify(crafted)}: ${response.status} → ${redirect}`);
    }
  });
  expect(failures).toEqual([]);
});

type AccountHolder = { email: string; identifier: string; password: string };

/**
 * A complete login of `holder` over HTTP with the captured posts (the password step's fields
 * changed to the holder's), the code read from the outbox; returns where the last step sends the person.
 */
async function logInWith(captures: LoginCaptures, holder: AccountHolder, callbackUrl: string, address: string): Promise<string | null> {
  const headers = { "x-forwarded-for": address };
  const credentials = await bodyWithFields(captures.password, { identifier: holder.identifier, password: holder.password });
  const passwordStep = await send(
    replayOf(captures.password, { cookie: null, body: credentials.body, headers: { ...headers, "content-type": credentials.contentType } }),
  );
  const attempt = loginAttemptCookieOf(setCookiesOf(passwordStep));
  if (!attempt) throw new Error(`the password step opened no login attempt: ${passwordStep.text.slice(0, 200)}`);
  await send(replayOf(captures.sendCode, { cookie: attempt, headers }));
  const code = await readFromOutbox(holder.email, /\b\d{6}\b/);
  const { body, contentType } = await bodyWithFields(captures.verifyCode, { code, callbackUrl });
  const verify = await send(replayOf(captures.verifyCode, { cookie: attempt, body, headers: { ...headers, "content-type": contentType } }));
  tally.count(verify.status, { isRefusal: true });
  expect(setCookiesOf(verify).some((line) => line.startsWith("authjs.session-token=")), `a real login with callbackUrl ${JSON.stringify(callbackUrl)}`).toBe(true);
  return outcomeOf(verify).redirect;
}

async function createAccountHolder(): Promise<AccountHolder> {
  const person = await createRegisteredPerson();
  const account = await giveActiveAccount(person, { password: createCanaryPassword() });
  return { email: person.email!, ...account };
}

test("after a real login, the code step sends the person to a same-origin path whatever destination it was given", async ({ page }) => {
  test.setTimeout(300_000);
  const failures: string[] = [];
  const { captures } = await createLoginCaptures(page);
  const destinations = CRAFTED.filter((_, position) => position % 3 === 0);
  // Five codes per account per quarter hour: an account of its own for every four logins, which
  // follow each other (the code is read from that account's newest message); accounts in parallel.
  const groups = Array.from({ length: Math.ceil(destinations.length / 4) }, (_, group) => destinations.slice(group * 4, group * 4 + 4));
  await forEachLimited(groups, CONCURRENCY, async (group, groupIndex) => {
    const holder = await createAccountHolder();
    for (const [index, crafted] of group.entries()) {
      const redirect = await logInWith(captures, holder, crafted, `192.0.2.${100 + groupIndex * 4 + index}`);
      if (!redirect || !landsOnApp(redirect)) failures.push(`${JSON.stringify(crafted)} → ${redirect}`);
    }
  });
  expect(failures).toEqual([]);
});

test("in a browser, a login begun with a crafted destination ends on the app", async ({ browser }) => {
  test.setTimeout(240_000);
  for (const crafted of [`//${EVIL}`, `/\\${EVIL}`, "javascript:alert(1)", `/%2F%2F${EVIL}`]) {
    const person = await createRegisteredPerson();
    const account = await giveActiveAccount(person, { password: createCanaryPassword() });
    // A new browser profile for each: no cookie or page left from the previous login.
    const context = await browser.newContext({ baseURL: e2eServer.origin, extraHTTPHeaders: { "x-forwarded-for": createClientAddress() } });
    const page = await context.newPage();
    try {
      await page.goto(`/connexion?callbackUrl=${encodeURIComponent(crafted)}`);
      await page.getByRole("textbox", { name: "Identifiant" }).fill(account.identifier);
      await page.getByLabel("Mot de passe", { exact: true }).fill(account.password);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.getByRole("radio", { name: "Par e-mail" }).check();
      await page.getByRole("button", { name: "Recevoir mon code" }).click();
      await page.getByRole("textbox", { name: "Code de connexion" }).fill(await readFromOutbox(person.email!, /\b\d{6}\b/));
      await page.getByRole("button", { name: "Valider" }).click();
      await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
      tally.count(200, { isRefusal: true });
      expect(new URL(page.url()).origin, `login begun with ${JSON.stringify(crafted)}`).toBe(APP.origin);
    } finally {
      await context.close();
    }
  }
});

test("the proxy's way to the login page keeps crafted space paths on the app", async () => {
  const failures: string[] = [];
  const suffixes = CRAFTED.slice(0, 60).map((crafted) => encodeURI(crafted).replaceAll("?", "%3F").replaceAll("#", "%23"));
  await forEachLimited(suffixes, CONCURRENCY, async (suffix) => {
    const path = `/accueil/${suffix.replace(/^\/+/, "")}`;
    const response = await send({ path });
    tally.count(response.status, { isRefusal: true });
    const location = headerOf(response, "location");
    // A 400 (a path that does not decode) is a refusal; a redirect must stay here.
    if (response.status >= 500 || (location !== undefined && !landsOnApp(location))) failures.push(`${path}: ${response.status} → ${location}`);
  });
  expect(failures).toEqual([]);
});

test("Auth.js' redirecting endpoints, unused by the app, are closed to crafted destinations", async () => {
  test.setTimeout(120_000);
  const failures: string[] = [];
  const endpoints = ["/api/auth/signin", "/api/auth/signout", "/api/auth/callback/credentials", "/api/auth/signin/credentials", "/api/auth/error"];
  const cases = endpoints.flatMap((endpoint) =>
    CRAFTED.filter((_, position) => position % 4 === 0).flatMap((crafted) => ["GET", "POST"].map((method) => ({ endpoint, crafted, method }))),
  );
  await forEachLimited(cases, CONCURRENCY, async ({ endpoint, crafted, method }) => {
    const query = `callbackUrl=${encodeURIComponent(crafted)}&error=${encodeURIComponent(crafted)}`;
    const response =
      method === "GET"
        ? await send({ path: `${endpoint}?${query}` })
        : await send({ method, path: endpoint, headers: { "content-type": "application/x-www-form-urlencoded" }, body: query });
    // 404 (closed), or 431 for the URLs too long for the server.
    const isRefused = response.status >= 400 && response.status < 500;
    tally.count(response.status, { isRefusal: isRefused });
    const location = headerOf(response, "location");
    if (!isRefused || location !== undefined) failures.push(`${method} ${endpoint} ${JSON.stringify(crafted)}: ${response.status} → ${location}`);
  });
  expect(failures).toEqual([]);
});
