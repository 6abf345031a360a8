import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { createActivePatient } from "./support/patients";
import { sql } from "./support/register";
import { signIn } from "./support/session";

test("a patient produces a synthesis of the profile, downloads it, saves it to Documents and finds it there", async ({ page }) => {
  const patient = await createActivePatient({ firstNames: "Maëlle", isOnboarded: true });
  await sql`insert into profile_items (person_id, section, label) values (${patient.id}, 'allergy', 'Pollen de bouleau')`;
  await signIn(page, patient.id);
  await page.goto("/profil-medical");
  await page.getByRole("link", { name: "Partager une synthèse" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partager une synthèse" })).toBeVisible();

  // No section at all: said on the field, nothing downloaded.
  const sections = page.getByRole("group", { name: "Rubriques à inclure dans la synthèse" });
  for (const box of await sections.getByRole("checkbox").all()) await box.uncheck();
  await page.getByRole("button", { name: "Télécharger la synthèse (PDF)" }).click();
  await expect(sections).toHaveAccessibleDescription(/Choisissez au moins une rubrique\./);
  await expectNoAxeViolations(page);

  await sections.getByRole("checkbox", { name: "Allergies" }).check();
  await sections.getByRole("checkbox", { name: "Vaccinations" }).check();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Télécharger la synthèse (PDF)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Profilmedical_Maelle_[A-Za-z0-9-]+_\d{8}_\d{4}\.pdf$/);

  await page.getByRole("button", { name: "Enregistrer dans mes documents" }).click();
  const title = page.getByRole("heading", { level: 1, name: /^Synthèse médicale du \d{2}\/\d{2}\/\d{4}$/ });
  await expect(title).toBeVisible();
  const documentTitle = (await title.textContent()) ?? "";

  await page.goto("/documents");
  await expect(page.getByRole("link", { name: documentTitle }).first()).toBeVisible();
  const [stored] = await sql<{ category: string; isHidden: boolean }[]>`
    select category, is_hidden_from_professionals as "isHidden" from documents where person_id = ${patient.id}`;
  expect(stored).toEqual({ category: "SYNTH_PML", isHidden: false });
});

test("when new documents are masked by default, saving a synthesis asks whether professionals may see it", async ({ page }) => {
  const patient = await createActivePatient({ isOnboarded: true });
  await sql`insert into document_settings (person_id, hide_new_documents_from_professionals) values (${patient.id}, true)`;
  await signIn(page, patient.id);
  await page.goto("/profil-medical/synthese");
  await page.getByRole("button", { name: "Enregistrer dans mes documents" }).click();
  const visibility = page.getByRole("radiogroup", { name: "Visibilité de la synthèse enregistrée" });
  await expect(visibility).toHaveAccessibleDescription(/Indiquez si la synthèse est visible par les professionnels de santé\./);
  await expectNoAxeViolations(page);
  await visibility.getByRole("radio", { name: "Masquée aux professionnels" }).check();
  await page.getByRole("button", { name: "Enregistrer dans mes documents" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Synthèse médicale du/ })).toBeVisible();
  const [stored] = await sql<{ isHidden: boolean }[]>`select is_hidden_from_professionals as "isHidden" from documents where person_id = ${patient.id}`;
  expect(stored).toEqual({ isHidden: true });
});
