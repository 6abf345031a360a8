import { expect, test } from "@playwright/test";
import { sql } from "../e2e/support/register";
import { e2eServer } from "../e2e/support/server";
import { send } from "./support/http";
import { runJourney } from "./support/action-runner";
import { replayOf } from "./support/replay";
import type { Journey } from "./support/server-actions";
import { Tally } from "./support/tally";

/**
 * Every server action of the journeys that send e-mails with links, replayed with a poisoned
 * Host or X-Forwarded-Host (refused by the proxy, 400) and then, as the request that goes
 * through, with every other header a reverse proxy or a framework might build a link from
 * pointing at another site. The e-mails those requests sent are read from the outbox: every
 * link in them starts with APP_ORIGIN, and the other site appears nowhere.
 */

const EVIL = "evil.example";

const REFUSED: readonly Record<string, string>[] = [
  { host: EVIL },
  { "x-forwarded-host": EVIL },
  { "x-forwarded-host": `${new URL(e2eServer.origin).host}, ${EVIL}` },
  { host: EVIL, "x-forwarded-host": EVIL },
  { "x-forwarded-proto": "javascript" },
];

/** Headers nothing in the app reads: they reach it, and must not reach a message. */
const TOLERATED: Record<string, string> = {
  forwarded: `for=192.0.2.1;host=${EVIL};proto=https`,
  "x-forwarded-proto": "https",
  "x-forwarded-port": "8443",
  "x-forwarded-server": EVIL,
  "x-forwarded-prefix": `//${EVIL}`,
  "x-original-host": EVIL,
  "x-host": EVIL,
  "x-original-url": `//${EVIL}/activation`,
  "x-rewrite-url": `//${EVIL}/activation`,
};

const tally = new Tally("host poisoning: requests that send e-mails, with poisoned headers");

test.afterAll(() => tally.save());

function linksIn(text: string): string[] {
  const hrefs = [...text.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!);
  const bare = [...text.matchAll(/\bhttps?:\/\/[^\s"'<>)]+/g)].map((match) => match[0]);
  return [...hrefs, ...bare];
}

const JOURNEYS: readonly Journey[] = [
  "activation",
  "opposition",
  "password-reset",
  "identifier-reminder",
  "pro-password-reset",
  "pro-identifier-reminder",
];

for (const journey of JOURNEYS) {
  test(`${journey}: e-mails sent by requests with poisoned Host headers link only to APP_ORIGIN`, async ({ page }) => {
    test.setTimeout(180_000);
    const startedAt = new Date();
    const recipients = new Set<string>();
    await runJourney(page, journey, async ({ captured, state }) => {
      for (const address of [state.victim.email, state.newEmail]) if (address) recipients.add(address);
      for (const headers of REFUSED) {
        const response = await send(replayOf(captured, { headers }));
        tally.count(response.status, { isRefusal: response.status === 400 });
        expect(response.status, `${captured.path} with ${JSON.stringify(headers)}`).toBe(400);
      }
      const response = await send(replayOf(captured, { headers: TOLERATED }));
      tally.count(response.status, { isRefusal: false });
      return response;
    });

    const messages = await sql<{ template: string; subject: string | null; textBody: string | null; htmlBody: string | null }[]>`
      select template, subject, text_body as "textBody", html_body as "htmlBody" from outgoing_messages
      where recipient in ${sql([...recipients])} and created_at >= ${startedAt} and channel = 'email'`;
    expect(messages.length, "e-mails sent during the journey").toBeGreaterThan(0);
    const links = messages.flatMap((message) => linksIn(`${message.textBody ?? ""}\n${message.htmlBody ?? ""}`));
    expect(links.length, `links in ${messages.map((message) => message.template).join(", ")}`).toBeGreaterThan(0);
    for (const link of links) expect(link.startsWith(`${e2eServer.origin}/`) || link === e2eServer.origin, link).toBe(true);
    for (const message of messages) expect(JSON.stringify(message), message.template).not.toContain(EVIL);
  });
}
