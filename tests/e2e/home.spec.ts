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
