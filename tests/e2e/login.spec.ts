import { expect, type Page, test } from "./support/test";
import { giveActiveAccount, sessionsOf, type TestAccount } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { readCodeFromOutbox } from "./support/outbox";
import { createRegisteredPerson, sql, type TestPerson } from "./support/register";

const LOGIN_CODE = /\b\d{6}\b/;

async function fillCredentials(page: Page, account: TestAccount) {
  await page.getByRole("textbox", { name: "Identifiant" }).fill(account.identifier);
  await page.getByLabel("Mot de passe", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

async function requestCodeByEmail(page: Page, person: TestPerson) {
  await expect(page.getByRole("radio", { name: "Par e-mail" })).toBeVisible();
  // The contacts on file are shown masked, never in full.
  await expect(page.getByText(person.email!)).toHaveCount(0);
  await expect(page.getByText(/^l\*+[a-z0-9]@example\.org$/)).toBeVisible();
  await expect(page.getByText(/^06 \*\* \*\* \*\* \d{2}$/)).toBeVisible();
  await page.getByRole("radio", { name: "Par e-mail" }).check();
  await page.getByRole("button", { name: "Recevoir mon code" }).click();
  await expect(page.getByRole("textbox", { name: "Code de connexion" })).toBeVisible();
  await expect(page.getByText(/Un code de connexion vous a été envoyé par e-mail/)).toBeVisible();
}

async function logIn(page: Page, person: TestPerson, account: TestAccount) {
  await page.goto("/connexion");
  await fillCredentials(page, account);
  await requestCodeByEmail(page, person);
  await page.getByRole("textbox", { name: "Code de connexion" }).fill(await readCodeFromOutbox(page, person.email!, LOGIN_CODE));
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
}

/** Moves the session's last activity back in time, then lets the page check it as a returning tab does. */
async function idleFor(page: Page, personId: string, minutes: number) {
  await sql`update sessions set last_active_at = now() - make_interval(secs => ${minutes * 60}) where account_id = (select id from accounts where person_id = ${personId}) and revoked_at is null`;
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
}

test("a person logs in with identifier, password and a code received by e-mail, then logs out", async ({ page }) => {
  const person = await createRegisteredPerson();
  const account = await giveActiveAccount(person);

  await page.goto("/");
  await page.getByRole("link", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/connexion$/);
  await expect(page.getByRole("heading", { level: 1, name: "Connexion à Mon espace santé" })).toBeVisible();
  await expectNoAxeViolations(page);

  await fillCredentials(page, account);
  await expect(page).toHaveURL(/\/connexion\/code/);
  await expectNoAxeViolations(page);
  await requestCodeByEmail(page, person);
  await expectNoAxeViolations(page);

  const code = await readCodeFromOutbox(page, person.email!, LOGIN_CODE);
  await page.getByRole("textbox", { name: "Code de connexion" }).fill(code);
  await page.getByRole("button", { name: "Valider" }).click();

  // The space: the first-login questionnaire, or the home page of the space.
  await expect(page).toHaveURL(/\/(accueil|questionnaire)/);
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  expect(await sessionsOf(person.id)).toEqual([{ revokedAt: null, revokedReason: null }]);

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/\?deconnexion=ok$/);
  expect((await sessionsOf(person.id))[0]?.revokedReason).toBe("logout");

  await page.goto("/accueil");
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Faccueil$/);
  await expect(page.getByRole("button", { name: "Se connecter" })).toBeVisible();
});

test("a revoked session is refused even with its cookie, and login brings the person back where they were", async ({ page }) => {
  const person = await createRegisteredPerson();
  const account = await giveActiveAccount(person);

  // Signed out, a page of the space leads to the login page, which leads back to it.
  await page.goto("/profil-medical");
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fprofil-medical$/);
  await fillCredentials(page, account);
  await requestCodeByEmail(page, person);
  await page.getByRole("textbox", { name: "Code de connexion" }).fill(await readCodeFromOutbox(page, person.email!, LOGIN_CODE));
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page).toHaveURL(/\/(profil-medical|questionnaire)/);
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();

  // Revoked on the server (as "se déconnecter de tous les appareils" does): the cookie alone opens nothing.
  await sql`update sessions set revoked_at = now(), revoked_reason = 'logout-everywhere' where account_id = (select id from accounts where person_id = ${person.id})`;
  await page.goto("/accueil");
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Faccueil$/);
});

test("after 13 idle minutes a warning offers to stay connected; after 15 the session ends", async ({ page }) => {
  const person = await createRegisteredPerson();
  const account = await giveActiveAccount(person);
  await logIn(page, person, account);
  const path = new URL(page.url()).pathname;

  await idleFor(page, person.id, 13.5);
  const warning = page.getByRole("alertdialog", { name: "Vous allez être déconnecté" });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(/vous serez déconnecté dans 1 minute et \d+ secondes?\./);
  await expectNoAxeViolations(page);
  await warning.getByRole("button", { name: "Rester connecté" }).click();
  await expect(warning).toBeHidden();
  const [activity] = await sql<{ idleSeconds: number }[]>`
    select extract(epoch from now() - last_active_at)::float as "idleSeconds" from sessions where account_id = (select id from accounts where person_id = ${person.id})`;
  expect(activity?.idleSeconds).toBeLessThan(60);

  await idleFor(page, person.id, 16);
  await expect(page).toHaveURL(new RegExp(`/connexion\\?motif=inactivite&callbackUrl=${encodeURIComponent(path)}$`));
  await expect(page.getByText("Vous avez été déconnecté après 15 minutes sans activité")).toBeVisible();
  expect((await sessionsOf(person.id))[0]?.revokedReason).toBe("idle");
});

test("a wrong password, a wrong code and an empty form each get a clear message", async ({ page }) => {
  const person = await createRegisteredPerson();
  const account = await giveActiveAccount(person);

  await page.goto("/connexion");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("link", { name: "Identifiant : Saisissez votre identifiant." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Mot de passe : Saisissez votre mot de passe." })).toBeVisible();
  await expectNoAxeViolations(page);

  await fillCredentials(page, { ...account, password: "Mauvais-Mot-2-Passe" });
  await expect(page.getByRole("alert").filter({ hasText: "Identifiant ou mot de passe incorrect." })).toBeVisible();
  // The identifier is kept, never the password.
  await expect(page.getByRole("textbox", { name: "Identifiant" })).toHaveValue(account.identifier);
  await expect(page.getByLabel("Mot de passe", { exact: true })).toHaveValue("");
  await expectNoAxeViolations(page);

  // An unknown identifier gets the very same words (on a fresh page, so the message is the new answer).
  await page.goto("/connexion");
  await fillCredentials(page, { identifier: `inconnu.${person.id.slice(0, 8)}`, password: account.password });
  await expect(page.getByRole("alert").filter({ hasText: "Identifiant ou mot de passe incorrect." })).toBeVisible();

  await fillCredentials(page, account);
  await requestCodeByEmail(page, person);
  await page.getByRole("textbox", { name: "Code de connexion" }).fill("12345");
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByRole("link", { name: "Code de connexion : Le code de connexion compte 6 chiffres." })).toBeVisible();
  await expectNoAxeViolations(page);

  const code = await readCodeFromOutbox(page, person.email!, LOGIN_CODE);
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
  await page.getByRole("textbox", { name: "Code de connexion" }).fill(wrong);
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByRole("link", { name: "Code de connexion : Code incorrect. Il vous reste 4 essais." })).toBeVisible();
  await expectNoAxeViolations(page);

  // "Renvoyer un code" (a click within 30 s of the first send gets that code again, not a new one).
  const resent = page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/connexion/code"));
  await page.getByRole("button", { name: "Renvoyer un code" }).click();
  await resent;
  await expect(page.getByText(/code de connexion vous a été envoyé par e-mail/)).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Code de connexion" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the recovery pages answer without telling who has an account", async ({ page }) => {
  const person = await createRegisteredPerson();
  await giveActiveAccount(person);

  await page.goto("/connexion");
  await page.getByRole("link", { name: "Identifiant oublié ?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Identifiant oublié ?" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("textbox", { name: "Numéro de sécurité sociale" }).fill(person.nir);
  await page.getByRole("textbox", { name: "Date de naissance" }).fill(person.birthDateFr);
  await page.getByRole("textbox", { name: "Numéro de série de la carte Vitale" }).fill(person.vitaleSerial);
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByText(/Si ces informations correspondent à un compte Mon espace santé activé/)).toBeVisible();
  await expectNoAxeViolations(page);
  const identifier = await readCodeFromOutbox(page, person.email!, /lucie\.[0-9a-f]{8}/);
  expect(identifier).toBe(`lucie.${person.id.slice(0, 8)}`);

  await page.goto("/mot-de-passe-oublie");
  await expect(page.getByRole("heading", { level: 1, name: "Mot de passe oublié ?" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the password step still leads to the code step", async ({ page }) => {
    const person = await createRegisteredPerson();
    const account = await giveActiveAccount(person);
    await page.goto("/connexion");
    await fillCredentials(page, account);
    // The form's own post, answered with a redirect (303): the browser's page, not React's router, goes on.
    await expect(page).toHaveURL(/\/connexion\/code\?callbackUrl=/);
    await expect(page.getByText(/Pour terminer votre connexion/)).toBeVisible();
  });
});
