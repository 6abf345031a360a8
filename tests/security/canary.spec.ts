import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { sql } from "../e2e/support/register";
import { e2eServer } from "../e2e/support/server";
import { bodyWithFields } from "./support/fuzz";
import { send } from "./support/http";
import { runJourney } from "./support/action-runner";
import { replayOf } from "./support/replay";
import { createCanaryPassword, type Journey } from "./support/server-actions";
import { Tally } from "./support/tally";

/**
 * Secrets never leak. Journeys run with passwords unique to this test (canaries): the
 * activation's, the password reset's, the login's, and wrong ones typed on the way; the codes
 * the app sends them are read from the outbox. Then every place they could end up is searched:
 * the server's log (tests/e2e/support/start-server.ts writes it), every row of every table
 * (the outbox beyond the message that carries a code: its other columns, other rows), and every
 * answer the journeys got. Passwords are found nowhere, codes only in their own message's body.
 * There is no activity history yet (SPEC §6 "Historique d'activité"): once its table exists, the
 * scan of every table covers it.
 */

const tally = new Tally("canaries: journeys with unique passwords and codes");

test.afterAll(() => tally.save());

type MessageRow = { id: string; recipient: string; textBody: string | null };

/** Codes as the app writes them: provisional "ABCD-EFGH", or six digits. */
const CODE_PATTERN = /\b[A-Z0-9]{4}-[A-Z0-9]{4}\b|(?<!\d)\d{6}(?!\d)/g;

function occurrencesOf(secret: string, text: string): number {
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // Six digits inside a longer word (a digest, a hash in hex, an instant) are not the code.
  const pattern = /^\d+$/.test(secret) ? new RegExp(`(?<![0-9A-Za-z])${escaped}(?![0-9A-Za-z])`, "g") : new RegExp(escaped, "g");
  return text.match(pattern)?.length ?? 0;
}

/** Every row of every table of the app, column by column, as text. */
async function dumpDatabase(): Promise<{ table: string; column: string; rowId: string; text: string }[]> {
  const tables = await sql<{ name: string }[]>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`;
  const cells: { table: string; column: string; rowId: string; text: string }[] = [];
  for (const { name } of tables) {
    const rows = await sql<{ row: Record<string, unknown> }[]>`select to_jsonb(t) as row from ${sql(name)} t`;
    for (const { row } of rows) {
      const rowId = String(row.id ?? row.person_id ?? row.key ?? "");
      for (const [column, value] of Object.entries(row)) {
        if (value !== null) cells.push({ table: name, column, rowId, text: typeof value === "string" ? value : JSON.stringify(value) });
      }
    }
  }
  return cells;
}

test("passwords and codes of real journeys appear in no log line, no other table or outbox column, and no answer", async ({ page }) => {
  test.setTimeout(300_000);
  const passwords = new Set<string>();
  const recipients = new Set<string>();
  const answers: string[] = [];
  const journeys: readonly Journey[] = ["activation", "login-and-space", "password-reset", "pro-password-reset"];
  for (const journey of journeys) {
    await runJourney(page, journey, async ({ step, captured, state }) => {
      for (const password of [state.newPassword, state.victim.password]) if (password) passwords.add(password);
      for (const address of [state.victim.email, state.newEmail]) if (address) recipients.add(address);
      if (step.action === "app/(auth)/connexion/actions.ts#loginPasswordAction") {
        // Two wrong passwords first, canaries too: a failed login must not log what was typed either.
        for (let index = 0; index < 2; index += 1) {
          const wrong = createCanaryPassword();
          passwords.add(wrong);
          const { body, contentType } = await bodyWithFields(captured, { password: wrong });
          const response = await send(replayOf(captured, { body, headers: { "content-type": contentType } }));
          tally.count(response.status, { isRefusal: true });
          answers.push(response.text);
        }
      }
      const response = await send(replayOf(captured));
      tally.count(response.status, { isRefusal: false });
      answers.push(response.text);
      return response;
    });
  }
  expect(passwords.size).toBeGreaterThanOrEqual(6);

  const messages = await sql<MessageRow[]>`
    select id, recipient, text_body as "textBody" from outgoing_messages where recipient in ${sql([...recipients])}`;
  // A code and the messages that carried it (a resend may carry the same one again).
  const codes = new Map<string, Set<string>>();
  for (const message of messages) {
    for (const code of message.textBody?.match(CODE_PATTERN) ?? []) codes.set(code, (codes.get(code) ?? new Set()).add(message.id));
  }
  // The provisional code, the new address's, the login's and the reset's.
  expect(codes.size, "codes sent during the journeys").toBeGreaterThanOrEqual(4);

  const log = readFileSync(e2eServer.logPath, "utf8");
  const cells = await dumpDatabase();
  const leaks: string[] = [];
  for (const password of passwords) {
    if (occurrencesOf(password, log) > 0) leaks.push(`a password in the server log`);
    for (const cell of cells) if (occurrencesOf(password, cell.text) > 0) leaks.push(`a password in ${cell.table}.${cell.column}`);
    for (const answer of answers) if (occurrencesOf(password, answer) > 0) leaks.push("a password in an answer");
  }
  for (const [code, messageIds] of codes) {
    if (occurrencesOf(code, log) > 0) leaks.push(`code ${code} in the server log`);
    for (const cell of cells) {
      const isOwnBody = cell.table === "outgoing_messages" && messageIds.has(cell.rowId) && (cell.column === "text_body" || cell.column === "html_body");
      if (!isOwnBody && occurrencesOf(code, cell.text) > 0) leaks.push(`code ${code} in ${cell.table}.${cell.column} (row ${cell.rowId})`);
    }
  }
  if (log.includes(e2eServer.authSecret)) leaks.push("AUTH_SECRET in the server log");
  for (const cell of cells) if (cell.text.includes(e2eServer.authSecret)) leaks.push(`AUTH_SECRET in ${cell.table}.${cell.column}`);
  expect(leaks).toEqual([]);
});
