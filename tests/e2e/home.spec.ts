import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/test";

test("a visitor finds how to enrol and how to log in from the home page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Mon espace santé" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Activer ou s'opposer à Mon espace santé" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  // The end-to-end server runs with the outbox: every page must say it is a demonstration.
  await expect(page.getByRole("note").filter({ hasText: "démonstration" })).toBeVisible();
  const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(scan.violations).toEqual([]);
});

test("an unknown address answers 404 with a page in French that leads back home", async ({ page }) => {
  const response = await page.goto("/page-qui-n-existe-pas");
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle("Page introuvable – Mon espace santé");
  await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
  await page.getByRole("link", { name: "Retour à l'accueil" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mon espace santé" })).toBeVisible();
});
