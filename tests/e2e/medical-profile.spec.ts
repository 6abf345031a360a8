import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { createActivePatient } from "./support/patients";
import { sql } from "./support/register";
import { signIn } from "./support/session";

test("a patient completes two sections of the profile through « Compléter mon profil »", async ({ page }) => {
  const patient = await createActivePatient({ firstNames: "Maëlle", isOnboarded: true });
  await signIn(page, patient.id);
  await page.goto("/accueil");
  await page.getByRole("link", { name: "Compléter mon profil" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Compléter mon profil" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Allergies" })).toBeVisible();
  await expectNoAxeViolations(page);

  // An allergy: the empty form says what is missing, on the field.
  await page.getByRole("link", { name: "Ajouter une allergie" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ajouter une allergie" })).toBeVisible();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  const name = page.getByRole("textbox", { name: "Nom de l'allergie" });
  await expect(name).toHaveAccessibleDescription(/Indiquez le nom de l'allergie\./);
  await expectNoAxeViolations(page);
  await name.fill("Pollen de bouleau");
  await page.getByRole("textbox", { name: "Commentaire" }).fill("Rhinite au printemps");
  await page.getByRole("button", { name: "Enregistrer" }).click();

  // Back on the list, which no longer asks for allergies; then the blood group.
  await expect(page.getByRole("heading", { level: 1, name: "Compléter mon profil" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Allergies" })).toHaveCount(0);
  await page.getByRole("link", { name: "Renseigner mon groupe sanguin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Groupe sanguin" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("combobox", { name: "Groupe sanguin" }).selectOption({ label: "O positif (O+)" });
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Compléter mon profil" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Groupe sanguin" })).toHaveCount(0);

  // "Je ne suis pas concerné" takes a section off the list too.
  await page.getByRole("button", { name: "Je ne suis pas concerné : Traitements" }).click();
  await expect(page.getByRole("heading", { name: "Traitements" })).toHaveCount(0);

  await page.getByRole("link", { name: "Retour au profil médical" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Profil médical" })).toBeVisible();
  const allergies = page.getByRole("region", { name: "Allergies" });
  await expect(allergies.getByRole("link", { name: "Modifier Pollen de bouleau" })).toBeVisible();
  await expect(allergies.getByText("Rhinite au printemps")).toBeVisible();
  await expect(allergies.getByText("Non visible par les professionnels de santé.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Groupe sanguin" }).getByText("O positif (O+)")).toBeVisible();
  await expect(page.getByRole("region", { name: "Traitements" }).getByText(/Vous avez indiqué ne pas être concerné le/)).toBeVisible();
  await expectNoAxeViolations(page);

  const items = await sql<{ section: string; label: string; details: string | null }[]>`
    select section, label, details from profile_items where person_id = ${patient.id}`;
  expect(items).toEqual([{ section: "allergy", label: "Pollen de bouleau", details: "Rhinite au printemps" }]);
  const [group] = await sql<{ bloodGroup: string }[]>`select blood_group as "bloodGroup" from blood_groups where person_id = ${patient.id}`;
  expect(group?.bloodGroup).toBe("O+");
});

test("a patient adds a vaccination with a partial date, masks it from professionals, and edits it", async ({ page }) => {
  const patient = await createActivePatient({ firstNames: "Louis", isOnboarded: true });
  await signIn(page, patient.id);
  await page.goto("/profil-medical");
  await page.getByRole("link", { name: "Ajouter une vaccination" }).click();
  // The vaccine's field suggests common vaccines while typing (a combobox), and takes any name.
  await page.getByRole("combobox", { name: "Vaccin", exact: true }).fill("Grippe saisonnière");
  await page.getByRole("group", { name: "Date de la vaccination" }).getByRole("combobox", { name: "Mois" }).selectOption({ label: "novembre" });
  await page.getByRole("group", { name: "Date de la vaccination" }).getByRole("textbox", { name: /^Année/ }).fill("2025");
  await page.getByRole("button", { name: "Enregistrer" }).click();

  const vaccinations = page.getByRole("region", { name: "Vaccinations" });
  await expect(vaccinations.getByText("Date : novembre 2025")).toBeVisible();
  await expect(vaccinations.getByText("Visible par les professionnels de santé autorisés, sauf ce que vous masquez.")).toBeVisible();
  await vaccinations.getByRole("button", { name: "Masquer aux professionnels" }).click();
  await expect(vaccinations.getByText("Masqué aux professionnels de santé")).toBeVisible();
  await expect(vaccinations.getByRole("button", { name: "Rendre visible" })).toBeVisible();

  await vaccinations.getByRole("link", { name: "Modifier Grippe saisonnière" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Modifier une vaccination" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("textbox", { name: "Numéro de lot" }).fill("AB123");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("region", { name: "Vaccinations" }).getByText("Numéro de lot : AB123")).toBeVisible();
  const [row] = await sql<{ hidden: boolean; lot: string; month: number }[]>`
    select is_hidden_from_professionals as hidden, lot_number as lot, start_month as month from profile_items where person_id = ${patient.id}`;
  expect(row).toEqual({ hidden: true, lot: "AB123", month: 11 });
});
