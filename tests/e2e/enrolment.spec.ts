import { readFileSync } from "node:fs";
import { expect, type Page, test } from "./support/test";
import { extractPdfText } from "@/tests/support/pdf-text";
import { expectNoAxeViolations } from "./support/axe";
import { readCodeFromOutbox } from "./support/outbox";
import { createRegisteredPerson, spaceStatusOf, sql, type TestPerson } from "./support/register";

async function requestCodeByEmail(page: Page, person: TestPerson) {
  await page.goto("/");
  await page.getByRole("link", { name: "Activer ou s'opposer à Mon espace santé" }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Générer un nouveau code provisoire" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Générer un nouveau code provisoire" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("textbox", { name: "Numéro de sécurité sociale" }).fill(person.nir);
  await page.getByRole("textbox", { name: "Date de naissance" }).fill(person.birthDateFr);
  await page.getByRole("textbox", { name: "Numéro de série de la carte Vitale" }).fill(person.vitaleSerial);
  await page.getByRole("button", { name: "Continuer" }).click();

  await expect(page.getByRole("radio", { name: "Par e-mail" })).toBeVisible();
  // The contact details on file are shown masked, never in full.
  await expect(page.getByText(person.email!)).toHaveCount(0);
  await expect(page.getByText(/^l\*+[a-z0-9]@example\.org$/)).toBeVisible();
  await expect(page.getByRole("radio", { name: "Par SMS" })).toBeVisible();
  await page.getByText("Mes coordonnées sont incorrectes ?").click();
  await expect(page.getByText("depuis mon compte en ligne de ma caisse d'assurance maladie")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("radio", { name: "Par e-mail" }).check();
  await page.getByRole("button", { name: "Recevoir mon code provisoire" }).click();
  await expect(page.getByText(/Un code provisoire vient de vous être envoyé par e-mail/)).toBeVisible();
  await expectNoAxeViolations(page);
  return readCodeFromOutbox(page, person.email!);
}

async function enterCode(page: Page, code: string) {
  await page.getByRole("textbox", { name: "Code provisoire" }).fill(code);
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByRole("radio", { name: "J'active Mon espace santé" })).toBeVisible();
}

test("a person opposes, downloads the receipt, changes their mind and activates their space", async ({ page }) => {
  // The whole enrolment twice, with an accessibility scan of every page: longer than one step.
  test.setTimeout(240_000);
  const person = await createRegisteredPerson({ firstNames: "Agathe", birthName: `Morvan-${Date.now().toString(36)}` });

  await enterCode(page, await requestCodeByEmail(page, person));
  await expectNoAxeViolations(page);

  // Opposition, asked twice.
  await page.getByRole("radio", { name: "Je m'oppose à la création de Mon espace santé" }).check();
  await page.getByRole("button", { name: "Continuer" }).click();
  const dialog = page.getByRole("dialog", { name: "Je valide l'opposition à la création de Mon espace santé" });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: "Annuler" }).click();
  await expect(dialog).toBeHidden();
  expect(await spaceStatusOf(person.id)).toBe("pending");
  await page.getByRole("button", { name: "Continuer" }).click();
  await dialog.getByRole("button", { name: "Continuer" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Votre opposition est enregistrée" })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await spaceStatusOf(person.id)).toBe("opposed");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger le justificatif (format .pdf)" }).click();
  const download = await downloadPromise;
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const receiptText = extractPdfText(pdf);
  expect(receiptText).toContain(person.birthName);
  expect(receiptText).toContain("justificatif d'opposition");

  // Change of mind: a new code, then activation.
  await enterCode(page, await requestCodeByEmail(page, person));
  await page.getByRole("radio", { name: "J'active Mon espace santé" }).check();
  await page.getByRole("button", { name: "Continuer" }).click();

  const terms = page.getByRole("checkbox", {
    name: "J'accepte les Conditions Générales d'Utilisation et la Politique de protection des données personnelles",
  });
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByText("Vous devez accepter les Conditions Générales d'Utilisation").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await terms.check();
  await page.getByRole("button", { name: "Continuer" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Je vérifie mes coordonnées de contact" })).toBeVisible();
  await expect(page.getByText(person.email!)).toBeVisible();
  await expectNoAxeViolations(page);
  const newEmail = `agathe.${Date.now().toString(36)}@example.net`;
  await page.getByRole("link", { name: "Modifier l'adresse e-mail" }).click();
  await page.getByRole("textbox", { name: "Nouvelle adresse e-mail" }).fill(newEmail);
  await page.getByRole("button", { name: "Recevoir un code de vérification" }).click();
  // The field shows once the code is sent: only then is it in the outbox.
  const contactCode = page.getByRole("textbox", { name: "Code de vérification" });
  await expect(contactCode).toBeVisible();
  await contactCode.fill(await readCodeFromOutbox(page, newEmail, /\b\d{6}\b/));
  await page.getByRole("button", { name: "Valider le code" }).click();
  await expect(page.getByText(newEmail)).toBeVisible();
  await page.getByRole("button", { name: "Continuer" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Je crée mon identifiant et mon mot de passe" })).toBeVisible();
  await expect(page.getByText("Au moins 1 caractère spécial", { exact: false })).toBeVisible();
  const identifier = page.getByRole("textbox", { name: "Identifiant" });
  await expect(identifier).toHaveValue(/^agathe\.morvan-/);
  await expectNoAxeViolations(page);
  await page.getByLabel("Mot de passe", { exact: true }).fill("azerty");
  await page.getByLabel("Confirmer le mot de passe", { exact: true }).fill("azerty");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByText(/trop courant/).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Mot de passe", { exact: true }).fill("Lavande&Cerise7");
  await page.getByLabel("Confirmer le mot de passe", { exact: true }).fill("Lavande&Cerise7");
  await page.getByRole("button", { name: "Créer mon compte" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Votre profil a bien été activé" })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await spaceStatusOf(person.id)).toBe("active");
  const [account] = await sql<{ email: string }[]>`select email from accounts where person_id = ${person.id}`;
  expect(account?.email).toBe(newEmail);
  await expect
    .poll(async () => (await readCodeFromOutbox(page, newEmail, /votre profil a bien été activé/i)).toLowerCase())
    .toContain("activé");
});

test("bad identity input is explained on each field", async ({ page }) => {
  await page.goto("/activation/nouveau-code");
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByRole("textbox", { name: "Numéro de sécurité sociale" })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Saisissez votre numéro de sécurité sociale.").first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("textbox", { name: "Numéro de sécurité sociale" }).fill("2 84 05 88 321 025 33");
  await page.getByRole("textbox", { name: "Date de naissance" }).fill("31/02/1984");
  await page.getByRole("textbox", { name: "Numéro de série de la carte Vitale" }).fill("12ab");
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByText(/clé comprise/).first()).toBeVisible();
  await expect(page.getByText(/date réelle/).first()).toBeVisible();
  await expect(page.getByText(/de 8 à 13 chiffres/).first()).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Numéro de sécurité sociale" })).toHaveValue("2 84 05 88 321 025 33");

  const stranger = await createRegisteredPerson();
  await page.getByRole("textbox", { name: "Numéro de sécurité sociale" }).fill(stranger.nir);
  await page.getByRole("textbox", { name: "Date de naissance" }).fill(stranger.birthDateFr);
  await page.getByRole("textbox", { name: "Numéro de série de la carte Vitale" }).fill("00000000000");
  await page.getByRole("button", { name: "Continuer" }).click();
  // That nothing was opened for them is tests/integration/enrolment-code.test.ts's to check.
  await expect(page.getByText(/ne correspondent à aucun assuré/)).toBeVisible();
});
