import { expect, type Page } from "@playwright/test";
import { readCodeFromOutbox } from "./outbox";

/** Logs in through the real pages: identifier, password, "Par e-mail", the code from the outbox. */
export async function logIn(page: Page, account: { identifier: string; password: string; email: string | null }) {
  await page.goto("/connexion");
  await page.getByRole("textbox", { name: "Identifiant" }).fill(account.identifier);
  await page.getByLabel("Mot de passe", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByRole("radio", { name: "Par e-mail" }).check();
  await page.getByRole("button", { name: "Recevoir mon code" }).click();
  const codeField = page.getByRole("textbox", { name: "Code de connexion" });
  await expect(codeField).toBeVisible();
  await codeField.fill(await readCodeFromOutbox(page, account.email!, /\b\d{6}\b/));
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByRole("button", { name: "Se déconnecter" }).first()).toBeVisible();
}
