import { readFile } from "node:fs/promises";
import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { logIn } from "./support/login";
import { createActivePatient } from "./support/patients";

test("a patient opens « Historique d'activité » from the profile menu, finds their login and exports it as CSV", async ({ page }) => {
  const patient = await createActivePatient({ firstNames: "Maëlle", birthName: `Historique-${Date.now().toString(36)}`, isOnboarded: true });
  await logIn(page, patient);

  await page.getByRole("navigation", { name: "Menu du profil" }).getByRole("link", { name: "Historique d'activité" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Historique d'activité" })).toBeVisible();
  const table = page.getByRole("table", { name: /de la plus récente à la plus ancienne/ });
  await expect(table).toBeVisible();
  // Newest first: the login, then the code sent for it.
  const rows = table.getByRole("row");
  await expect(rows.nth(1)).toContainText("Connexion");
  await expect(rows.nth(2)).toContainText("Envoi d'un code de connexion");
  const login = rows.filter({ has: page.getByRole("cell", { name: /^Connexion/ }) });
  await expect(login).toHaveCount(1);
  await expect(login).toContainText(`Maëlle ${patient.birthName}`);
  await expect(login).toContainText("Général");
  await expectNoAxeViolations(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporter (CSV)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^historique-activite-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]).toBe('"Date";"Heure";"Auteur";"Type d\'auteur";"Pour le compte de";"Action";"Catégorie";"Urgence"');
  expect(lines.filter((line) => line.includes('"Connexion"') && line.includes(`"Maëlle ${patient.birthName}"`))).toHaveLength(1);
  expect(lines.some((line) => line.includes(`"Envoi d'un code de connexion"`))).toBe(true);

  // A date that does not exist: a message on the field, and no list.
  await page.getByRole("textbox", { name: "Du" }).fill("31/02/2026");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByText("La date de début doit être une date réelle au format JJ/MM/AAAA.").first()).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Du" })).toHaveValue("31/02/2026");
  await expect(page.getByRole("link", { name: "Exporter (CSV)" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // A category without any event yet.
  await page.getByRole("textbox", { name: "Du" }).fill("");
  await page.getByRole("combobox", { name: "Catégorie" }).selectOption({ label: "Services tiers" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByText("Aucune activité ne correspond à ces filtres.")).toBeVisible();
});
