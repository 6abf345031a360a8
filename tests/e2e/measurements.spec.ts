import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { createActivePatient } from "./support/patients";
import { sql } from "./support/register";
import { signIn } from "./support/session";

/** A date safely in the past whatever day the suite runs, and a time on it (Paris, winter). */
const MEASURED_ON = "15/11/2025";
const MEASURED_AT = "08:30";

type StoredMeasurement = { code: string; value: string; diastolic: string | null; measuredAt: Date };

async function measurementsOf(personId: string) {
  return sql<StoredMeasurement[]>`
    select code, value::text as value, diastolic_value::text as diastolic, measured_at as "measuredAt"
    from measurements where person_id = ${personId} order by measured_at`;
}

test("a patient adds a blood pressure from Accueil and reads it in the chart's table", async ({ page }) => {
  // The chart sets its styles in the browser: the page's CSP (no inline style attributes) must hold.
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`CSP violation: ${event.violatedDirective}`));
  });
  page.on("console", (message) => {
    if (/CSP violation|Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const patient = await createActivePatient({ firstNames: "Tessa", isOnboarded: true });
  await signIn(page, patient.id);
  await page.goto("/accueil");
  await page.getByRole("link", { name: "Ajouter une mesure" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ajouter une mesure" })).toBeVisible();

  await page.getByRole("combobox", { name: "Type de mesure" }).selectOption({ label: "Tension artérielle" });
  await expect(page.getByRole("textbox", { name: "Valeur" })).toHaveCount(0);
  await page.getByRole("textbox", { name: "Systolique" }).fill("128");
  await page.getByRole("textbox", { name: "Diastolique" }).fill("84");
  await page.getByRole("textbox", { name: "Date" }).fill(MEASURED_ON);
  await page.getByRole("textbox", { name: "Heure" }).fill(MEASURED_AT);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Enregistrer la mesure" }).click();

  await expect(page).toHaveURL(/\/profil-medical\/mesures\/tension-arterielle\?statut=mesure-ajoutee$/);
  await expect(page.getByRole("heading", { level: 1, name: "Tension artérielle" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "La mesure a été enregistrée." })).toBeVisible();
  const table = page.getByRole("table", { name: "Tension artérielle" });
  await expect(table.getByRole("row")).toHaveCount(2);
  const row = table.getByRole("row").nth(1);
  await expect(row.getByRole("cell").nth(0)).toHaveText(MEASURED_ON);
  await expect(row.getByRole("cell").nth(1)).toHaveText(MEASURED_AT);
  await expect(row.getByRole("cell").nth(2)).toHaveText("128");
  await expect(row.getByRole("cell").nth(3)).toHaveText("84");
  // The chart draws the same values: two lines, one point each.
  const chart = page.getByRole("img", { name: /^Graphique de l'évolution : Tension artérielle/ });
  await expect(chart.locator(".recharts-line")).toHaveCount(2);
  await expect(chart.locator(".recharts-line-dots circle")).toHaveCount(2);
  await expectNoAxeViolations(page);
  expect(violations).toEqual([]);

  expect(await measurementsOf(patient.id)).toEqual([
    { code: "85354-9", value: "128.000", diastolic: "84.000", measuredAt: new Date("2025-11-15T07:30:00Z") },
  ]);
  const events = await sql`select action, "group" from activity_events where subject_person_id = ${patient.id} and action like 'medical-profile.%'`;
  expect(events.map((event) => [event.action, event.group])).toEqual([["medical-profile.measurement-added", "health_documents"]]);

  await page.getByRole("link", { name: "Retour à mes mesures" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mes mesures" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Tension artérielle" })).toContainText("128/84 mmHg");
});

test("a blood pressure whose systolic is not above the diastolic is refused on its field, and nothing is stored", async ({ page }) => {
  const patient = await createActivePatient({ isOnboarded: true });
  await signIn(page, patient.id);
  await page.goto("/profil-medical/mesures/ajouter?type=tension-arterielle");
  await page.getByRole("textbox", { name: "Systolique" }).fill("80");
  await page.getByRole("textbox", { name: "Diastolique" }).fill("95");
  await page.getByRole("textbox", { name: "Date" }).fill(MEASURED_ON);
  await page.getByRole("textbox", { name: "Heure" }).fill(MEASURED_AT);
  await page.getByRole("button", { name: "Enregistrer la mesure" }).click();

  await expect(page.getByRole("heading", { name: "Le formulaire contient 1 erreur" })).toBeVisible();
  const systolic = page.getByRole("textbox", { name: "Systolique" });
  await expect(systolic).toHaveAttribute("aria-invalid", "true");
  await expect(systolic).toHaveAccessibleDescription(/La pression systolique doit être supérieure à la pression diastolique\./);
  // The form keeps what was typed.
  await expect(page.getByRole("textbox", { name: "Diastolique" })).toHaveValue("95");
  await expectNoAxeViolations(page);
  expect(await measurementsOf(patient.id)).toEqual([]);
});

test("a patient sets a weight target, reads it beside the table, then deletes a measurement of theirs", async ({ page }) => {
  const patient = await createActivePatient({ isOnboarded: true });
  await signIn(page, patient.id);
  await page.goto("/profil-medical/mesures/ajouter");
  await page.getByRole("combobox", { name: "Type de mesure" }).selectOption({ label: "Poids" });
  await page.getByRole("textbox", { name: "Valeur" }).fill("72,5");
  await page.getByRole("textbox", { name: "Date" }).fill(MEASURED_ON);
  await page.getByRole("textbox", { name: "Heure" }).fill(MEASURED_AT);
  await page.getByRole("button", { name: "Enregistrer la mesure" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Poids" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Poids" })).toContainText("72,5 kg");

  await page.getByRole("textbox", { name: "Objectif" }).fill("68");
  await page.getByRole("button", { name: "Enregistrer l'objectif" }).click();
  await expect(page.getByRole("status").filter({ hasText: "L'objectif a été enregistré." })).toBeVisible();
  // Beside the table, and on the chart as a line with its label.
  await expect(page.getByRole("paragraph").filter({ hasText: /^Objectif : 68 kg$/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Graphique de l'évolution : Poids/ }).getByText("Objectif : 68 kg")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: `Supprimer la mesure du ${MEASURED_ON} à ${MEASURED_AT}` }).click();
  const dialog = page.getByRole("dialog", { name: `Supprimer la mesure du ${MEASURED_ON} à ${MEASURED_AT} ?` });
  await expect(dialog.getByRole("button", { name: "Annuler" })).toBeFocused();
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: "Supprimer", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "La mesure a été supprimée." })).toBeVisible();
  await expect(page.getByRole("table", { name: "Poids" })).toHaveCount(0);
  expect(await measurementsOf(patient.id)).toEqual([]);

  await page.getByRole("button", { name: "Supprimer l'objectif" }).click();
  await expect(page.getByRole("status").filter({ hasText: "L'objectif a été supprimé." })).toBeVisible();
  await expect(page.getByText("Vous n'avez pas fixé d'objectif pour cette mesure.", { exact: false })).toBeVisible();
});

test("IMC is computed from the latest height and weight, and the form says it is not typed", async ({ page }) => {
  const patient = await createActivePatient({ isOnboarded: true });
  await sql`
    insert into measurements (person_id, code, value, unit, measured_at) values
      (${patient.id}, '8302-2', 175, 'cm', '2025-10-01T08:00:00Z'),
      (${patient.id}, '29463-7', 70, 'kg', '2025-10-02T08:00:00Z')`;
  await signIn(page, patient.id);
  await page.goto("/profil-medical/mesures");
  await expect(page.getByRole("listitem").filter({ hasText: "IMC" })).toContainText("22,9 kg/m²");
  await page.getByRole("link", { name: "IMC" }).click();
  await expect(page.getByRole("table", { name: "IMC" })).toContainText("22,9 kg/m²");
  await expect(page.getByRole("button", { name: /^Supprimer la mesure/ })).toHaveCount(0);

  await page.goto("/profil-medical/mesures/ajouter");
  await page.getByRole("combobox", { name: "Type de mesure" }).selectOption({ label: "IMC" });
  await expect(page.getByText("L'IMC ne se saisit pas")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Valeur" })).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a patient chooses the type, then adds the measurement", async ({ page }) => {
    const patient = await createActivePatient({ isOnboarded: true });
    await signIn(page, patient.id);
    await page.goto("/profil-medical/mesures/ajouter");
    await page.getByRole("combobox", { name: "Type de mesure" }).selectOption({ label: "Fréquence cardiaque" });
    await page.getByRole("button", { name: "Afficher les champs de ce type" }).click();
    await expect(page).toHaveURL(/[?&]type=frequence-cardiaque/);
    await page.getByRole("textbox", { name: "Valeur" }).fill("72");
    await page.getByRole("textbox", { name: "Date" }).fill(MEASURED_ON);
    await page.getByRole("textbox", { name: "Heure" }).fill(MEASURED_AT);
    await page.getByRole("button", { name: "Enregistrer la mesure" }).click();
    await expect(page.getByRole("table", { name: "Fréquence cardiaque" })).toContainText("72 battements/min");
  });
});

test("another person's measurement pages show none of their values", async ({ page }) => {
  const owner = await createActivePatient({ isOnboarded: true });
  await sql`
    insert into measurements (person_id, code, value, diastolic_value, unit, measured_at)
    values (${owner.id}, '85354-9', 131, 87, 'mm[Hg]', '2025-10-01T08:00:00Z')`;
  const other = await createActivePatient({ isOnboarded: true });
  await signIn(page, other.id);
  await page.goto("/profil-medical/mesures/tension-arterielle");
  await expect(page.getByText("Aucune mesure enregistrée.")).toBeVisible();
  await expect(page.getByText("131")).toHaveCount(0);
  await page.goto("/profil-medical/mesures/cholesterol");
  await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
});
