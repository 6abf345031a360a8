import { expect, type Page, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { logIn } from "./support/login";
import { readCodeFromOutbox } from "./support/outbox";
import { createActivePatient } from "./support/patients";
import { createTestProfessional, type TestProfessional } from "./support/professionals";
import { sql } from "./support/register";
import { signIn } from "./support/session";

const LOGIN_CODE = /\b\d{6}\b/;

async function logInToPro(page: Page, professional: TestProfessional, { scan = false } = {}) {
  await page.goto("/pro/connexion");
  await expect(page.getByRole("heading", { level: 1, name: "Connexion des professionnels de santé" })).toBeVisible();
  if (scan) await expectNoAxeViolations(page);
  await page.getByRole("textbox", { name: "Identifiant" }).fill(professional.identifier);
  await page.getByLabel("Mot de passe", { exact: true }).fill(professional.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Code de connexion" })).toBeVisible();
  await page.getByRole("radio", { name: "Par e-mail" }).check();
  await page.getByRole("button", { name: "Recevoir mon code" }).click();
  const codeField = page.getByRole("textbox", { name: "Code de connexion" });
  await expect(codeField).toBeVisible();
  if (scan) await expectNoAxeViolations(page);
  await codeField.fill(await readCodeFromOutbox(page, professional.email, LOGIN_CODE));
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rechercher un patient" })).toBeVisible();
}

test("a professional logs in with password and the code from the outbox, then finds a patient", async ({ page }) => {
  const professional = await createTestProfessional();
  const patient = await createActivePatient();

  await logInToPro(page, professional, { scan: true });
  await expect(page).toHaveURL(/\/pro$/);
  const header = page.getByRole("banner");
  await expect(header.getByText(`Dr Anne ${professional.lastName}`)).toBeVisible();
  await expect(header.getByText("Médecin, Médecine générale")).toBeVisible();
  await expectNoAxeViolations(page);

  // A miss says nothing about whether the person exists.
  await page.getByRole("textbox", { name: "Numéro de sécurité sociale" }).fill(patient.nir);
  await page.getByRole("textbox", { name: "Date de naissance" }).fill("01/01/1901");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Aucun dossier Mon espace santé ne correspond" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A bad NIR is told on its field.
  await page.getByRole("textbox", { name: "Numéro de sécurité sociale" }).fill("123");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByRole("textbox", { name: "Numéro de sécurité sociale" })).toHaveAttribute("aria-invalid", "true");

  await page.getByRole("textbox", { name: "Numéro de sécurité sociale" }).fill(patient.nir);
  await page.getByRole("textbox", { name: "Date de naissance" }).fill(patient.birthDateFr);
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(new RegExp(`/pro/patients/${patient.id}$`));
  // Without the patient's consent yet, the record's page asks for it (pro-record.spec.ts goes on from there).
  await expect(page.getByRole("heading", { level: 1, name: "Dossier du patient" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Le patient m'a donné son accord" })).toBeVisible();
  await expectNoAxeViolations(page);

  // The professional's session opens no patient's space.
  await page.goto("/accueil");
  await expect(page).toHaveURL(/\/connexion/);

  await page.goto("/pro");
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/pro\/connexion\?motif=deconnexion$/);
  await expect(page.getByText("Vous êtes déconnecté de l'espace professionnels de santé.")).toBeVisible();
  await page.goto("/pro");
  await expect(page).toHaveURL(/\/pro\/connexion$/);
});

test("a patient's session does not open /pro, and a patient's login is refused there", async ({ page }) => {
  const patient = await createActivePatient({ isOnboarded: true });
  await page.goto("/pro/connexion");
  await page.getByRole("textbox", { name: "Identifiant" }).fill(patient.identifier);
  await page.getByLabel("Mot de passe", { exact: true }).fill(patient.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Identifiant ou mot de passe incorrect." })).toBeVisible();

  await logIn(page, patient);
  await page.goto("/pro");
  await expect(page).toHaveURL(/\/pro\/connexion$/);
  await expect(page.getByRole("heading", { level: 1, name: "Connexion des professionnels de santé" })).toBeVisible();
});

/** Moves the professional session's last activity back in time, then lets the page check it as a returning tab does. */
async function professionalIdleFor(page: Page, professionalId: string, minutes: number) {
  await sql`update sessions set last_active_at = now() - make_interval(secs => ${minutes * 60}) where account_id = (select id from accounts where professional_id = ${professionalId}) and revoked_at is null`;
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
}

test("on /pro, after 13 idle minutes a warning offers to stay connected; after 15 the session ends", async ({ page }) => {
  const professional = await createTestProfessional();
  // Logging in is this file's first journey: here the session is minted.
  await signIn(page, professional.professionalId);
  await page.goto("/pro");
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();

  await professionalIdleFor(page, professional.professionalId, 13.5);
  const warning = page.getByRole("alertdialog", { name: "Vous allez être déconnecté" });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(/vous serez déconnecté dans 1 minute et \d+ secondes?\./);
  await expectNoAxeViolations(page);
  await warning.getByRole("button", { name: "Rester connecté" }).click();
  await expect(warning).toBeHidden();
  const [activity] = await sql<{ idleSeconds: number }[]>`
    select extract(epoch from now() - last_active_at)::float as "idleSeconds" from sessions
    where account_id = (select id from accounts where professional_id = ${professional.professionalId}) and revoked_at is null`;
  expect(activity?.idleSeconds).toBeLessThan(60);

  await professionalIdleFor(page, professional.professionalId, 16);
  await expect(page).toHaveURL(/\/pro\/connexion\?motif=inactivite$/);
  await expect(page.getByText("Vous avez été déconnecté après 15 minutes sans activité")).toBeVisible();
  await expectNoAxeViolations(page);
});
