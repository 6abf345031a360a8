import { expect, test } from "@playwright/test";
import { sql } from "../e2e/support/register";
import { e2eServer } from "../e2e/support/server";
import {
  CREDENTIAL_COOKIES,
  type Credential,
  type FlowStage,
  mintChallengeCookie,
  mintFlowCookie,
  mintSessionCookie,
} from "./support/credentials";
import { forEachLimited, send } from "./support/http";
import { fuzzCapturedAction, fuzzVolumeOf, saveFuzzTallies } from "./support/action-fuzz";
import { type ActionUnderAttack, runAction } from "./support/action-runner";
import { listBuiltActions } from "./support/manifest";
import { type CapturedAction, outcomeOf, type ReplayChanges, replayOf } from "./support/replay";
import { changedTables, snapshotPerson } from "./support/rows";
import { type JourneyState, SERVER_ACTIONS } from "./support/server-actions";
import { Tally } from "./support/tally";

/**
 * Every server action, one test each, on one capture (docs/decisions/0006-security-suite.md,
 * 0008-test-budget.md): first fuzzed (support/action-fuzz.ts: arbitrary bodies that must get a
 * 4xx or a field error and write nothing), then replayed as an attacker would:
 * - from another site or with forged routing headers, with the victim's own cookies: the proxy
 *   answers 403 (foreign, malformed or "null" Origin, cross-site Sec-Fetch-Site,
 *   x-middleware-subrequest) or 400 (Host, X-Forwarded-Host) before Next.js sees the request;
 * - without the credential it needs, with someone else's, or with a tampered one: the action
 *   runs and refuses. Its answer is under 500, writes no row about the victim, and shows none
 *   of the victim's data that the request did not carry itself.
 * The capture is then replayed unchanged, which must go through: the refusals are the changes'
 * doing, not a stale capture's.
 */

const FORGED_HEADERS: readonly { name: string; headers: Record<string, string> }[] = [
  { name: "foreign Origin", headers: { origin: "https://evil.example" } },
  { name: "Origin: null (sandboxed frame)", headers: { origin: "null" } },
  { name: "look-alike Origin", headers: { origin: `${e2eServer.origin}.evil.example` } },
  { name: "Origin with a path", headers: { origin: `${e2eServer.origin}/` } },
  { name: "Origin with credentials", headers: { origin: `http://user@${new URL(e2eServer.origin).host}` } },
  { name: "malformed Origin", headers: { origin: "http://[::1" } },
  { name: "two Origins", headers: { origin: `${e2eServer.origin} https://evil.example` } },
  { name: "cross-site Sec-Fetch-Site", headers: { "sec-fetch-site": "cross-site" } },
  { name: "forged x-middleware-subrequest (middleware)", headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" } },
  { name: "forged x-middleware-subrequest (proxy)", headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" } },
  { name: "forged x-middleware-subrequest (src)", headers: { "x-middleware-subrequest": "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware" } },
  { name: "poisoned X-Forwarded-Host", headers: { "x-forwarded-host": "evil.example" } },
  { name: "poisoned Host", headers: { host: "evil.example" } },
];

const forgedTally = new Tally("server actions: forged replays (Origin, Sec-Fetch-Site, x-middleware-subrequest, Host)");
const credentialTally = new Tally("server actions: replays without, with another person's, or with a tampered credential");

test.afterAll(() => {
  forgedTally.save();
  credentialTally.save();
  saveFuzzTallies();
});

function cookieValue(cookieHeader: string, name: string): string | undefined {
  return cookieHeader
    .split("; ")
    .find((pair) => pair.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

/** Someone else's live credential, at the victim's stage where the action looks at the stage. */
async function strangersCredential(credential: Credential, state: JourneyState): Promise<string> {
  if (credential === "session") return mintSessionCookie(state.stranger.id);
  if (credential === "login-attempt") return mintChallengeCookie(state.stranger.id, "login");
  if (credential === "reset-attempt") {
    const verified = await sql`
      select id from auth_challenges
      where account_id = (select id from accounts where person_id = ${state.victim.id} or professional_id = ${state.victim.id}) and purpose = 'password-reset' and code_verified_at is not null and completed_at is null`;
    return mintChallengeCookie(state.stranger.id, "password-reset", { isCodeVerified: verified.length > 0 });
  }
  const [flow] = await sql<FlowStage[]>`
    select code_verified_at as "codeVerifiedAt", terms_accepted_at as "termsAcceptedAt", contacts_confirmed_at as "contactsConfirmedAt"
    from enrolment_flows where person_id = ${state.victim.id} and completed_at is null order by created_at desc limit 1`;
  return mintFlowCookie(state.enrollingStranger.id, flow ?? {});
}

/** The victim's data that must not come back to someone who did not send it. */
function victimSecrets(state: JourneyState, captured: CapturedAction): string[] {
  const { victim } = state;
  const sent = captured.body.toString("utf8");
  return [victim.nir, victim.birthName, victim.email, victim.mobile, victim.identifier]
    .filter((value): value is string => Boolean(value))
    .filter((value) => !sent.includes(value));
}

/**
 * The forged replays go four at a time between one snapshot before and one after: each must be
 * refused with a 4xx, and none may write (a write by any of them changes the after snapshot).
 */
async function expectForgedReplaysRefused({ step, captured, state }: ActionUnderAttack) {
  const before = await snapshotPerson(state.victim.id);
  const statuses: string[] = [];
  await forEachLimited(FORGED_HEADERS, 4, async (forged) => {
    const response = await send(replayOf(captured, { headers: forged.headers }));
    forgedTally.count(response.status, { isRefusal: response.status >= 400 && response.status < 500 });
    if (response.status < 400 || response.status >= 500) statuses.push(`${forged.name}: ${response.status}`);
  });
  expect(statuses, `${step.action}: forged replays answered otherwise than with a 4xx`).toEqual([]);
  expect(changedTables(before, await snapshotPerson(state.victim.id)), `${step.action}: a forged replay wrote the victim's rows`).toEqual([]);
}

async function expectOtherCredentialsRefused({ step, captured, state }: ActionUnderAttack) {
  if (step.credential === "none") return;
  const name = CREDENTIAL_COOKIES[step.credential];
  const own = cookieValue(captured.cookie, name);
  expect(own, `the browser held a ${name} cookie when it posted ${step.action}`).toBeDefined();
  const tampered = `${own!.slice(0, -2)}${own!.endsWith("AA") ? "BB" : "AA"}`;
  const variants: { name: string; changes: ReplayChanges }[] = [
    { name: "no cookie", changes: { cookie: null } },
    { name: "another person's cookie", changes: { cookie: await strangersCredential(step.credential, state) } },
    { name: "a tampered cookie", changes: { cookie: `${name}=${tampered}` } },
  ];
  const secrets = victimSecrets(state, captured);
  for (const variant of variants) {
    const before = await snapshotPerson(state.victim.id);
    const response = await send(replayOf(captured, variant.changes));
    const changed = changedTables(before, await snapshotPerson(state.victim.id));
    const leaked = secrets.filter((secret) => response.text.includes(secret));
    credentialTally.count(response.status, { isRefusal: response.status < 500 && changed.length === 0 && leaked.length === 0 });
    const label = `${step.action} with ${variant.name} (answer: ${JSON.stringify(outcomeOf(response).result)?.slice(0, 200)})`;
    expect(response.status, label).toBeLessThan(500);
    expect(changed, label).toEqual([]);
    expect(leaked, label).toEqual([]);
  }
  await step.releaseAfterStrangerReplay?.(state);
}

test("SERVER_ACTIONS names exactly the server actions the build exposes", () => {
  const built = listBuiltActions()
    .map((action) => action.name)
    .sort();
  const listed = SERVER_ACTIONS.map((action) => action.action).sort();
  expect(listed, "tests/security/support/server-actions.ts must list every exposed server action, and only those").toEqual(built);
});

for (const step of SERVER_ACTIONS) {
  const title = `${step.action}: ${fuzzVolumeOf(step)} get a 4xx or a field error, never a 5xx, and write nothing; forged, credential-less and borrowed replays are refused; its own goes through`;
  test(title, async ({ page }) => {
    // A guard, not a target: 2,300 bodies took 20–90 s per action on two busy cores.
    test.setTimeout(300_000);
    // One capture for both attacks: the action's state is reached and its form submitted once.
    await runAction(page, step, async (target) => {
      await fuzzCapturedAction(target);
      await expectForgedReplaysRefused(target);
      await expectOtherCredentialsRefused(target);
    });
  });
}
