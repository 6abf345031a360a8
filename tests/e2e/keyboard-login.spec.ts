import { expect, test } from "./support/test";
import { tabTo, typeInto } from "./support/keyboard";
import { readCodeFromOutbox } from "./support/outbox";
import { createActivePatient } from "./support/patients";

test("a keyboard-only user logs in, skips the questionnaire, reads the welcome message and logs out", async ({ page }) => {
  test.setTimeout(180_000);
  const patient = await createActivePatient({ firstNames: "Touche" });
  await page.goto("/");

  await tabTo(page, page.getByRole("link", { name: "Se connecter" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/connexion$/);
  await typeInto(page, page.getByRole("textbox", { name: "Identifiant" }), patient.identifier);
  await tabTo(page, page.getByLabel("Mot de passe", { exact: true }));
  await page.keyboard.type(patient.password);
  await tabTo(page, page.getByRole("button", { name: "Se connecter" }));
  await page.keyboard.press("Enter");

  const byEmail = page.getByRole("radio", { name: "Par e-mail" });
  await expect(byEmail).toBeVisible();
  await tabTo(page, byEmail);
  await page.keyboard.press("Space");
  await expect(byEmail).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Recevoir mon code" }));
  await page.keyboard.press("Enter");

  const codeField = page.getByRole("textbox", { name: "Code de connexion" });
  await expect(codeField).toBeVisible();
  await typeInto(page, codeField, await readCodeFromOutbox(page, patient.email!, /\b\d{6}\b/));
  await tabTo(page, page.getByRole("button", { name: "Valider" }));
  await page.keyboard.press("Enter");

  // Five questions, each passed with the keyboard.
  for (let step = 1; step <= 5; step += 1) {
    await expect(page.getByText(`Question ${step} sur 5`, { exact: true })).toBeVisible();
    await tabTo(page, page.getByRole("button", { name: "Passer" }));
    await page.keyboard.press("Enter");
  }
  await tabTo(page, page.getByRole("button", { name: "Accéder à Mon espace santé" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Mes derniers documents" })).toBeVisible();

  await tabTo(page, page.getByRole("link", { name: "Messagerie" }).first());
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("link", { name: /Bienvenue dans votre messagerie Mon espace santé/ }).first());
  await page.keyboard.press("Enter");
  await expect(page.getByText("Retrouvez dans cette messagerie")).toBeVisible();

  await tabTo(page, page.getByRole("button", { name: "Se déconnecter" }).first());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
});
