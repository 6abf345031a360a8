import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/test";

const legalPages = [
  { linkName: "Conditions Générales d'Utilisation", path: "/conditions-generales", heading: "Conditions Générales d'Utilisation" },
  {
    linkName: "Politique de protection des données personnelles",
    path: "/protection-des-donnees",
    heading: "Politique de protection des données personnelles",
  },
];

for (const { linkName, path, heading } of legalPages) {
  test(`a visitor reads the ${path} page from the footer and finds it accessible`, async ({ page }) => {
    await page.goto("/");
    await page.getByRole("contentinfo").getByRole("link", { name: linkName }).click();
    await expect(page).toHaveURL(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(page.getByRole("navigation", { name: "Sommaire" })).toBeVisible();
    const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(scan.violations).toEqual([]);
  });
}

test("the terms tell how the space opens, how to log in and how it is closed", async ({ page }) => {
  await page.goto("/conditions-generales");
  await expect(page.getByRole("heading", { level: 2, name: /Création de votre espace/ })).toBeVisible();
  await expect(page.getByText(/six semaines/).first()).toBeVisible();
  await expect(page.getByText(/R\. 1111-28/).first()).toBeVisible();
  await expect(page.getByText(/code de connexion à usage\s+unique/)).toBeVisible();
  await expect(page.getByText(/archivées pendant dix ans/)).toBeVisible();
});

test("the privacy policy tells how passwords are stored and how to complain to the CNIL", async ({ page }) => {
  await page.goto("/protection-des-donnees");
  await expect(page.getByText(/argon2id/)).toBeVisible();
  await expect(page.getByText(/HttpOnly/)).toBeVisible();
  await expect(page.getByRole("link", { name: "www.cnil.fr" })).toHaveAttribute("href", "https://www.cnil.fr");
});
