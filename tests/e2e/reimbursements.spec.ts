import { readFile } from "node:fs/promises";
import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { createActivePatient } from "./support/patients";
import { createRegisteredPerson, sql } from "./support/register";
import { createTestStatementLine } from "./support/reimbursements";
import { signIn } from "./support/session";

test("a parent filters their reimbursements by year, reads a total, and exports the CSV without their child's secret care", async ({ page }) => {
  const tag = Date.now().toString(36);
  const parent = await createActivePatient({ firstNames: "Élise", birthName: `Remboursement-${tag}`, isOnboarded: true });
  const child = await createRegisteredPerson({ firstNames: "Jules", birthName: `Remboursement-${tag}`, email: null, mobile: null });
  await sql`
    insert into representations (actor_account_id, subject_person_id, basis, source)
    select id, ${child.id}, 'legal_representative', 'register' from accounts where person_id = ${parent.id}`;
  await createTestStatementLine(parent.id, { careDate: "2025-03-10", actLabel: "Consultation de médecine générale" });
  await createTestStatementLine(parent.id, { careDate: "2026-01-20", actLabel: "Radiographie du genou", category: "imaging", amountPaidCents: 4256, insurerPaidCents: 2780, complementaryPaidCents: 1276 });
  await createTestStatementLine(child.id, { careDate: "2026-02-05", actLabel: "Consultation de pédiatrie" });
  await createTestStatementLine(child.id, { careDate: "2026-02-06", actLabel: "Consultation confidentielle", isMinorSecret: true });

  await signIn(page, parent.id);
  await page.goto("/accueil");
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Remboursements", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Remboursements" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Bénéficiaire" })).toContainText(`Jules Remboursement-${tag}`);

  await page.getByRole("combobox", { name: "Année" }).selectOption("2026");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/annee=2026/);
  const statement = page.getByRole("table", { name: /Remboursements filtrés/ });
  for (const header of ["Date des soins", "Nature", "Montant payé", "Assurance Maladie", "Complémentaire", "Reste à charge"]) {
    await expect(statement.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
  }
  await expect(statement.getByRole("row")).toHaveCount(3);
  await expect(statement).toContainText("Radiographie du genou");
  await expect(statement).toContainText("Consultation de pédiatrie");
  await expect(statement).not.toContainText("Consultation de médecine générale");
  await expect(page.getByText("Consultation confidentielle")).toHaveCount(0);

  // 2026: 42,56 € + 30,00 € paid, 2 € left on each.
  const totals = page.getByRole("table", { name: /Totaux par année/ });
  const year = totals.getByRole("row", { name: /2026/ });
  await expect(year.getByRole("cell").nth(1)).toHaveText("72,56 €");
  await expect(year.getByRole("cell").nth(4)).toHaveText("4,00 €");
  // The wide statement scrolls within its own box: the page itself never scrolls sideways (WCAG 1.4.10), on a phone neither.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporter (CSV)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^remboursements-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines).toHaveLength(3);
  expect(lines).toContain(
    `"20/01/2026";"Élise Remboursement-${tag}";"Radiologie et imagerie";"Radiographie du genou";"G";"Dr Anne Leroy";"42,56";"30,00";"70";"27,80";"12,76";"2,00";"2,00";"20/01/2026";"Vous (l'assuré)"`,
  );
  expect(csv).not.toContain("confidentielle");
});

test("a patient adds a delivered vaccine to Vaccinations and a delivered medicine to Traitements from their statement", async ({ page }) => {
  const patient = await createActivePatient({ firstNames: "Inès", isOnboarded: true });
  await createTestStatementLine(patient.id, { careDate: "2025-11-03", actLabel: "Vaccin contre la grippe saisonnière", category: "medicine-vaccine" });
  await createTestStatementLine(patient.id, { careDate: "2026-01-20", actLabel: "Amoxicilline 500 mg", category: "medicine-vaccine" });
  await createTestStatementLine(patient.id, { careDate: "2026-01-19", actLabel: "Consultation de médecine générale" });

  await signIn(page, patient.id);
  await page.goto("/remboursements");
  const statement = page.getByRole("table", { name: /Remboursements/ });
  // A consultation is no medicine nor vaccine: its details offer neither.
  const consultation = statement.getByRole("row", { name: /Consultation de médecine générale/ });
  await consultation.locator("summary", { hasText: "Détails" }).click();
  await expect(consultation.getByText("Base de remboursement")).toBeVisible();
  await expect(consultation.getByRole("button", { name: /Ajouter à mes/ })).toHaveCount(0);

  const vaccine = statement.getByRole("row", { name: /Vaccin contre la grippe saisonnière/ });
  await vaccine.locator("summary", { hasText: "Détails" }).click();
  await vaccine.getByRole("button", { name: "Ajouter à mes vaccinations" }).click();
  await expect(vaccine.getByText("Le vaccin est ajouté à vos vaccinations.")).toBeVisible();
  await expectNoAxeViolations(page);

  const medicine = statement.getByRole("row", { name: /Amoxicilline 500 mg/ });
  await medicine.locator("summary", { hasText: "Détails" }).click();
  await medicine.getByRole("button", { name: "Ajouter à mes traitements" }).click();
  await expect(medicine.getByText("Le médicament est ajouté à vos traitements.")).toBeVisible();

  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Profil médical", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Profil médical" })).toBeVisible();
  const vaccinations = page.getByRole("region", { name: "Vaccinations" });
  await expect(vaccinations.getByRole("paragraph").filter({ hasText: /^Vaccin contre la grippe saisonnière$/ })).toBeVisible();
  await expect(vaccinations.getByText("Vaccinateur : Dr Anne Leroy")).toBeVisible();
  const treatments = page.getByRole("region", { name: "Traitements" });
  await expect(treatments.getByRole("paragraph").filter({ hasText: /^Amoxicilline 500 mg$/ })).toBeVisible();
  await expect(treatments.getByText(/^Délivré le 20\/01\/2026 par Dr Anne Leroy/)).toBeVisible();
  await expectNoAxeViolations(page);
});
