import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { createActivePatient } from "./support/patients";
import { createTestService, grantedPurposesOf } from "./support/services";
import { signIn } from "./support/session";

test("the patient connects a service with one purpose, sees it listed, then disconnects it", async ({ page }) => {
  const patient = await createActivePatient({ firstNames: "Capucine", isOnboarded: true });
  const service = await createTestService({ category: "documents", thematics: ["nutrition"] });
  await signIn(page, patient.id);

  await page.goto("/accueil");
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Catalogue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Catalogue de services" })).toBeVisible();
  await page.getByRole("combobox", { name: "Catégorie" }).selectOption({ label: "Gestion de documents de santé" });
  await page.getByRole("combobox", { name: "Thématique" }).selectOption({ label: "Nutrition" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await page.getByRole("link", { name: service.name }).click();

  await expect(page.getByRole("heading", { level: 1, name: service.name })).toBeVisible();
  await page.getByRole("checkbox", { name: "Consulter vos mesures" }).check();
  await expect(page.getByRole("checkbox", { name: "Consulter la liste de vos documents" })).not.toBeChecked();
  await page.getByRole("button", { name: "Connecter le service" }).click();
  await expect(page.getByRole("status").filter({ hasText: "C'est enregistré" })).toBeVisible();
  expect(await grantedPurposesOf(patient.id, service.id)).toEqual(["measurements:read"]);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Retour au catalogue" }).click();
  const connected = page.getByRole("region", { name: "Mes services connectés" });
  await expect(connected.getByRole("link", { name: service.name })).toBeVisible();
  await expect(connected).toContainText("Consulter vos mesures");
  await connected.getByRole("link", { name: service.name }).click();

  await page.getByRole("button", { name: "Déconnecter le service" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le service est déconnecté" })).toBeVisible();
  expect(await grantedPurposesOf(patient.id, service.id)).toBeUndefined();
  await page.getByRole("link", { name: "Retour au catalogue" }).click();
  await expect(page.getByRole("region", { name: "Mes services connectés" }).getByText("Vous n'avez connecté aucun service.")).toBeVisible();

  await page.goto("/historique-activite");
  await expect(page.getByText("Connexion d'un service tiers").first()).toBeVisible();
  await expect(page.getByText("Déconnexion d'un service tiers").first()).toBeVisible();
});
