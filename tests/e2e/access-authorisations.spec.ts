import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { createActivePatient } from "./support/patients";
import { createTestProfessional, emergencySettingsOf, giveProfessionalAccess, professionalAccessOf } from "./support/professionals";
import { signIn } from "./support/session";

test("the patient blocks an authorised professional, sets the emergency switches and reads what a dentist may see", async ({ page }) => {
  // Four pages scanned by axe, the profession's detail twice.
  test.setTimeout(120_000);
  const patient = await createActivePatient({ firstNames: "Solène", isOnboarded: true });
  const doctor = await createTestProfessional({ firstName: "Anne", lastName: "Leroy" });
  const access = await giveProfessionalAccess(patient.id, doctor.professionalId);
  await signIn(page, patient.id);

  await page.goto("/accueil");
  await page.getByRole("navigation", { name: "Menu du profil" }).getByRole("link", { name: "Autorisations d'accès" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Autorisations d'accès" })).toBeVisible();
  const authorised = page.getByRole("region", { name: "Professionnels autorisés" });
  const blocked = page.getByRole("region", { name: "Professionnels bloqués" });
  await expect(authorised.getByRole("listitem", { name: doctor.fullName })).toContainText("Médecin");
  await expect(authorised.getByRole("listitem", { name: doctor.fullName })).toContainText("Autorisé depuis le 15/01/2026");
  await expect(authorised.getByRole("listitem", { name: doctor.fullName })).toContainText("Ce professionnel a des droits d'accès définis selon sa profession.");
  await expect(blocked.getByText("Vous n'avez bloqué aucun professionnel de santé.")).toBeVisible();
  await expectNoAxeViolations(page);

  await authorised.getByRole("listitem", { name: doctor.fullName }).getByRole("button", { name: "Bloquer" }).click();
  await expect(blocked.getByRole("listitem", { name: doctor.fullName })).toBeVisible();
  await expect(blocked.getByRole("listitem", { name: doctor.fullName }).getByRole("button", { name: "Débloquer" })).toBeVisible();
  await expect(authorised.getByRole("listitem")).toHaveCount(0);
  expect(await professionalAccessOf(access.id)).toEqual({ status: "blocked", isAdministrator: false });

  // The switches: « Documents masqués » only while one of the other two is on.
  const samu = page.getByRole("switch", { name: "SAMU" });
  const others = page.getByRole("switch", { name: "Autres professionnels de santé" });
  const masked = page.getByRole("switch", { name: "Documents masqués" });
  await expect(samu).toBeChecked();
  await expect(others).toBeChecked();
  await expect(masked).not.toBeChecked();
  await masked.check();
  await samu.uncheck();
  await others.uncheck();
  await expect(masked).not.toBeChecked();
  await expect(masked).toBeDisabled();
  await samu.check();
  await expect(masked).toBeEnabled();
  await masked.check();
  await page.getByRole("button", { name: "Enregistrer les accès en cas d'urgence" }).click();
  await expect(page.getByRole("status").filter({ hasText: "C'est enregistré" })).toBeVisible();
  expect(await emergencySettingsOf(patient.id)).toEqual({ samu: true, others: false, masked: true });
  await expectNoAxeViolations(page);

  // Each card opens « Détail des droits d'accès » on its professional's profession.
  await blocked.getByRole("listitem", { name: doctor.fullName }).getByRole("link", { name: "Détail des droits d'accès : Médecin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Détail des droits d'accès" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Profession" })).toHaveValue("10");
  await expect(page.getByRole("region", { name: "Accessibles", exact: true }).getByText("Compte rendu de consultation")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Retour aux autorisations d'accès" }).click();

  await page.getByRole("link", { name: "Détail des droits d'accès", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Détail des droits d'accès" })).toBeVisible();
  await page.getByRole("combobox", { name: "Profession" }).selectOption({ label: "Chirurgien-dentiste" });
  await page.getByRole("button", { name: "Afficher" }).click();
  const notAccessible = page.getByRole("region", { name: "Non accessibles" });
  await expect(notAccessible.getByRole("listitem").filter({ hasText: /^Directives anticipées$/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Accessibles", exact: true }).getByText("Compte rendu de consultation")).toBeVisible();
  await expectNoAxeViolations(page);
});
