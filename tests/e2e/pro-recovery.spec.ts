import { expect, type Page, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { readCodeFromOutbox } from "./support/outbox";
import { createTestProfessional, type TestProfessional } from "./support/professionals";
import { sql } from "./support/register";
import { signIn } from "./support/session";

const SIX_DIGITS = /\b\d{6}\b/;
const NEW_PASSWORD = "Hibiscus-Vert-2031";

async function rppsOf(professional: TestProfessional): Promise<string> {
  const [row] = await sql<{ rpps: string }[]>`select rpps from professionals where id = ${professional.professionalId}`;
  return row!.rpps;
}

async function logInToPro(page: Page, professional: TestProfessional, password: string) {
  await page.getByRole("textbox", { name: "Identifiant" }).fill(professional.identifier);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Code de connexion" })).toBeVisible();
  await page.getByRole("radio", { name: "Par e-mail" }).check();
  await page.getByRole("button", { name: "Recevoir mon code" }).click();
  const codeField = page.getByRole("textbox", { name: "Code de connexion" });
  await expect(codeField).toBeVisible();
  await codeField.fill(await readCodeFromOutbox(page, professional.email, SIX_DIGITS));
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rechercher un patient" })).toBeVisible();
}

test("a professional resets their password with the e-mailed code, is signed out elsewhere, and logs in with the new one", async ({ page, browser }) => {
  const professional = await createTestProfessional();
  const rpps = await rppsOf(professional);
  // A session of theirs on another device, which the reset must end.
  const elsewhere = await browser.newContext();
  const otherDevice = await elsewhere.newPage();
  await signIn(otherDevice, professional.professionalId);
  await otherDevice.goto("/pro");
  await expect(otherDevice.getByRole("heading", { level: 1, name: "Rechercher un patient" })).toBeVisible();

  await page.goto("/pro/connexion");
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mot de passe oublié ?" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Errors are told on their fields.
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByRole("textbox", { name: "Numéro RPPS" })).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  // A miss says nothing of which detail differed.
  await page.getByRole("textbox", { name: "Identifiant" }).fill("personne.inconnue");
  await page.getByRole("textbox", { name: "Numéro RPPS" }).fill(rpps);
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Ces informations ne correspondent à aucun compte professionnel." })).toBeVisible();

  await page.getByRole("textbox", { name: "Identifiant" }).fill(professional.identifier);
  await page.getByRole("textbox", { name: "Numéro RPPS" }).fill(rpps);
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mot de passe oublié : code de vérification" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("radio", { name: "Par e-mail" }).check();
  await page.getByRole("button", { name: "Recevoir mon code" }).click();
  const codeField = page.getByRole("textbox", { name: "Code de vérification" });
  await expect(codeField).toBeVisible();
  await expectNoAxeViolations(page);
  await codeField.fill(await readCodeFromOutbox(page, professional.email, SIX_DIGITS));
  await page.getByRole("button", { name: "Valider" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Je choisis un nouveau mot de passe" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Nouveau mot de passe", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Confirmer le mot de passe", { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Changer mon mot de passe" }).click();

  await expect(page).toHaveURL(/\/pro\/connexion\?motif=mot-de-passe-modifie$/);
  await expect(page.getByText("Votre mot de passe a été modifié et vous avez été déconnecté de tous vos appareils.")).toBeVisible();
  await expectNoAxeViolations(page);

  // The other device's session is over.
  await otherDevice.goto("/pro");
  await expect(otherDevice).toHaveURL(/\/pro\/connexion/);
  await elsewhere.close();

  // The old password no longer opens anything; the new one does.
  await page.getByRole("textbox", { name: "Identifiant" }).fill(professional.identifier);
  await page.getByLabel("Mot de passe", { exact: true }).fill(professional.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Identifiant ou mot de passe incorrect." })).toBeVisible();
  await logInToPro(page, professional, NEW_PASSWORD);
});

test("« Identifiant oublié ? » on /pro sends the identifier to the professional's e-mail, never to the screen", async ({ page }) => {
  const professional = await createTestProfessional();
  await page.goto("/pro/connexion");
  await page.getByRole("link", { name: "Identifiant oublié ?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Identifiant oublié ?" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("textbox", { name: "Numéro RPPS" }).fill(await rppsOf(professional));
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByText(/Si ce numéro RPPS correspond à un compte professionnel/)).toBeVisible();
  await expect(page.getByText(professional.identifier)).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect(await readCodeFromOutbox(page, professional.email, /dr\.[0-9a-f]{8}/)).toBe(professional.identifier);
});
