import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { luhnCheckDigit } from "@/lib/professionals/rpps";
import { giveActiveAccount } from "../e2e/support/accounts";
import { createTestProfessional } from "../e2e/support/professionals";
import { createRegisteredPerson, sql } from "../e2e/support/register";
import { bodyWithFields } from "./support/fuzz";
import { type RawResponse, send, setCookiesOf } from "./support/http";
import { createClientAddress } from "../e2e/support/test";
import { captureLoginActions, loginAttemptCookieOf } from "./support/login-captures";
import { actionIdOf } from "./support/manifest";
import { captureActionPost, outcomeOf, replayOf } from "./support/replay";
import { createCanaryPassword, readFromOutbox } from "./support/server-actions";
import { Tally } from "./support/tally";

/**
 * Guessing and enumeration over HTTP, through the real pages' own posts, each guess from another
 * client address (X-Forwarded-For): the per-address limits can be dodged that way, the
 * per-account ones cannot. The same scripts run at the library level in
 * tests/integration/auth-brute-force.test.ts.
 */

const bruteForceTally = new Tally("brute force: guesses from rotating client addresses");
const enumerationTally = new Tally("enumeration: known and unknown identifiers, same answers");

test.afterAll(() => {
  bruteForceTally.save();
  enumerationTally.save();
});

const SESSION_COOKIE = "authjs.session-token";
const SIX_DIGITS = /\b\d{6}\b/;

/** Another client address for each guess, as an attacker with many machines (or a lying X-Forwarded-For) has. */
const createAddress = createClientAddress;

function wrongCode(rightCode: string): string {
  let code = rightCode;
  while (code === rightCode) code = String(randomInt(1_000_000)).padStart(6, "0");
  return code;
}

async function createAccountHolder() {
  const person = await createRegisteredPerson();
  return { ...person, ...(await giveActiveAccount(person, { password: createCanaryPassword() })) };
}

async function sessionCountOf(personId: string): Promise<number> {
  const [row] = await sql<{ count: number }[]>`select count(*)::int as count from sessions where account_id = (select id from accounts where person_id = ${personId})`;
  return row!.count;
}

test("sixty wrong login codes from rotating addresses open no session, and the account locks with an e-mail to its owner", async ({ page }) => {
  test.setTimeout(180_000);
  const victim = await createAccountHolder();
  const captures = await captureLoginActions(page, victim);
  let guesses = 0;
  let opened = 0;
  while (guesses < 60) {
    // The attacker knows the password and tries the second factor: a new login attempt each round.
    const passwordStep = await send(replayOf(captures.password, { cookie: null, headers: { "x-forwarded-for": createAddress() } }));
    bruteForceTally.count(passwordStep.status, { isRefusal: false });
    const attempt = loginAttemptCookieOf(setCookiesOf(passwordStep));
    const sent = attempt ? await send(replayOf(captures.sendCode, { cookie: attempt, headers: { "x-forwarded-for": createAddress() } })) : null;
    const rightCode = attempt ? await readFromOutbox(victim.email!, SIX_DIGITS) : "";
    for (let index = 0; index < 5 && guesses < 60; index += 1) {
      guesses += 1;
      const { body, contentType } = await bodyWithFields(captures.verifyCode, { code: wrongCode(rightCode) });
      const guess = await send(
        replayOf(captures.verifyCode, {
          cookie: attempt ?? captures.verifyCode.cookie,
          body,
          headers: { "content-type": contentType, "x-forwarded-for": createAddress() },
        }),
      );
      const hasSession = setCookiesOf(guess).some((line) => line.startsWith(`${SESSION_COOKIE}=`) && !line.startsWith(`${SESSION_COOKIE}=;`));
      if (hasSession) opened += 1;
      bruteForceTally.count(guess.status, { isRefusal: guess.status < 500 && !hasSession });
      expect(guess.status).toBeLessThan(500);
    }
    if (sent) expect(sent.status).toBeLessThan(500);
  }
  expect(opened).toBe(0);
  expect(await sessionCountOf(victim.id)).toBe(0);
  const [account] = await sql<{ lockedUntil: Date | null; lockCount: number }[]>`
    select locked_until as "lockedUntil", lock_count as "lockCount" from accounts where person_id = ${victim.id}`;
  expect(account!.lockCount).toBeGreaterThanOrEqual(1);
  expect(account!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  const locks = await sql`select id from outgoing_messages where recipient = ${victim.email} and template = 'account-locked'`;
  expect(locks).toHaveLength(1);
});

test("forty wrong passwords from forty addresses open no login attempt; the tenth locks, and then the right one is refused too", async ({ page }) => {
  test.setTimeout(120_000);
  const victim = await createAccountHolder();
  const captures = await captureLoginActions(page, victim);
  await sql`delete from auth_challenges where account_id = (select id from accounts where person_id = ${victim.id})`;
  for (let index = 0; index < 40; index += 1) {
    const { body, contentType } = await bodyWithFields(captures.password, { password: `${victim.password}-${index}` });
    const response = await send(replayOf(captures.password, { cookie: null, body, headers: { "content-type": contentType, "x-forwarded-for": createAddress() } }));
    const outcome = outcomeOf(response);
    bruteForceTally.count(response.status, { isRefusal: outcome.redirect === null });
    expect(outcome.redirect).toBeNull();
    if (index >= 9) expect(outcome.result).toMatchObject({ status: "error", lockedUntil: expect.any(String) });
  }
  const rightPassword = await send(replayOf(captures.password, { cookie: null, headers: { "x-forwarded-for": createAddress() } }));
  bruteForceTally.count(rightPassword.status, { isRefusal: outcomeOf(rightPassword).redirect === null });
  expect(outcomeOf(rightPassword).result).toMatchObject({ status: "error", lockedUntil: expect.any(String) });
  expect(await sql`select id from auth_challenges where account_id = (select id from accounts where person_id = ${victim.id})`).toHaveLength(0);
});

test("thirty wrong provisional codes from rotating addresses never verify the enrolment, and the code dies after five", async ({ page }) => {
  test.setTimeout(120_000);
  const victim = await createRegisteredPerson();
  await page.setExtraHTTPHeaders({ "x-forwarded-for": createClientAddress() });
  await page.goto("/activation/nouveau-code");
  await page.getByRole("textbox", { name: "Numéro de sécurité sociale" }).fill(victim.nir);
  await page.getByRole("textbox", { name: "Date de naissance" }).fill(victim.birthDateFr);
  await page.getByRole("textbox", { name: "Numéro de série de la carte Vitale" }).fill(victim.vitaleSerial);
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.getByRole("radio", { name: "Par e-mail" }).check();
  await page.getByRole("button", { name: "Recevoir mon code provisoire" }).click();
  const rightCode = await readFromOutbox(victim.email!, /\b[A-Z0-9]{4}-[A-Z0-9]{4}\b/);
  await page.getByRole("textbox", { name: "Code provisoire" }).fill("AAAA-AAAA");
  const captured = await captureActionPost(page, actionIdOf("app/(public)/activation/actions.ts#verifyCodeAction"), () =>
    page.getByRole("button", { name: "Valider" }).click(),
  );
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  for (let index = 0; index < 30; index += 1) {
    let guess = rightCode;
    while (guess === rightCode) guess = Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join("");
    const { body, contentType } = await bodyWithFields(captured, { code: guess });
    const response = await send(replayOf(captured, { body, headers: { "content-type": contentType, "x-forwarded-for": createAddress() } }));
    const outcome = outcomeOf(response);
    bruteForceTally.count(response.status, { isRefusal: outcome.redirect === null });
    expect(outcome.redirect).toBeNull();
  }
  // The right code, after five wrong ones, is dead too.
  const { body, contentType } = await bodyWithFields(captured, { code: rightCode });
  const late = await send(replayOf(captured, { body, headers: { "content-type": contentType, "x-forwarded-for": createAddress() } }));
  bruteForceTally.count(late.status, { isRefusal: outcomeOf(late).redirect === null });
  expect(outcomeOf(late).redirect).toBeNull();
  const flows = await sql`select id from enrolment_flows where person_id = ${victim.id} and code_verified_at is not null`;
  expect(flows).toHaveLength(0);
});

/** An answer stripped of what the request itself carried and of the instant a lock ends. */
function comparable(response: RawResponse, typed: string): unknown {
  const { redirect, result } = outcomeOf(response);
  const text = JSON.stringify(result ?? null)
    .replaceAll(typed, "<identifiant>")
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g, "<instant>");
  return { status: response.status, redirect, result: JSON.parse(text) };
}

test("a known and an unknown identifier get the same answers, wrong password after wrong password, lock included", async ({ page }) => {
  test.setTimeout(120_000);
  const known = await createAccountHolder();
  const unknownIdentifier = `inconnu.${known.id.slice(0, 8)}`;
  const captures = await captureLoginActions(page, known);
  for (let index = 0; index < 12; index += 1) {
    const answers = [];
    for (const identifier of [known.identifier, unknownIdentifier]) {
      const { body, contentType } = await bodyWithFields(captures.password, { identifier, password: `Mauvais-Essai-${index}!` });
      const response = await send(replayOf(captures.password, { cookie: null, body, headers: { "content-type": contentType, "x-forwarded-for": createAddress() } }));
      enumerationTally.count(response.status, { isRefusal: outcomeOf(response).redirect === null });
      answers.push(comparable(response, identifier));
    }
    expect(answers[1], `wrong password #${index + 1}`).toEqual(answers[0]);
  }
});

test("the identifier reminder says the same words whether or not the details match an account", async ({ page }) => {
  const holder = await createAccountHolder();
  const stranger = await createRegisteredPerson();
  await page.setExtraHTTPHeaders({ "x-forwarded-for": createClientAddress() });
  await page.goto("/identifiant-oublie");
  await page.getByRole("textbox", { name: "Numéro de sécurité sociale" }).fill(holder.nir);
  await page.getByRole("textbox", { name: "Date de naissance" }).fill(holder.birthDateFr);
  await page.getByRole("textbox", { name: "Numéro de série de la carte Vitale" }).fill(holder.vitaleSerial);
  const captured = await captureActionPost(page, actionIdOf("app/(auth)/identifiant-oublie/actions.ts#identifierReminderAction"), () =>
    page.getByRole("button", { name: "Continuer" }).click(),
  );
  const answers = [];
  for (const person of [holder, stranger]) {
    const { body, contentType } = await bodyWithFields(captured, { nir: person.nir, birthDate: person.birthDateFr, vitaleSerial: person.vitaleSerial });
    const response = await send(replayOf(captured, { cookie: null, body, headers: { "content-type": contentType, "x-forwarded-for": createAddress() } }));
    enumerationTally.count(response.status, { isRefusal: true });
    answers.push(comparable(response, person.nir));
  }
  expect(answers[1]).toEqual(answers[0]);
});

test("/pro « Identifiant oublié ? » says the same words whether or not the RPPS has an account", async ({ page }) => {
  const professional = await createTestProfessional();
  const [row] = await sql<{ rpps: string }[]>`select rpps from professionals where id = ${professional.professionalId}`;
  const body = Array.from({ length: 10 }, () => String(randomInt(10))).join("");
  const withoutAccount = body + luhnCheckDigit(body);
  await page.setExtraHTTPHeaders({ "x-forwarded-for": createClientAddress() });
  await page.goto("/pro/connexion/identifiant-oublie");
  await page.getByRole("textbox", { name: "Numéro RPPS" }).fill(row!.rpps);
  const captured = await captureActionPost(page, actionIdOf("app/pro/connexion/identifiant-oublie/actions.ts#proIdentifierReminderAction"), () =>
    page.getByRole("button", { name: "Continuer" }).click(),
  );
  const answers = [];
  for (const rpps of [row!.rpps, withoutAccount]) {
    const { body: form, contentType } = await bodyWithFields(captured, { rpps });
    const response = await send(replayOf(captured, { cookie: null, body: form, headers: { "content-type": contentType, "x-forwarded-for": createAddress() } }));
    enumerationTally.count(response.status, { isRefusal: true });
    answers.push(comparable(response, rpps));
  }
  expect(answers[1]).toEqual(answers[0]);
  expect(await readFromOutbox(professional.email, /dr\.[0-9a-f]{8}/)).toBe(professional.identifier);
});
