import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { createTestDocument } from "./support/documents";
import { createActivePatient } from "./support/patients";
import { createTestProfessional } from "./support/professionals";
import { signIn } from "./support/session";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

test("a professional finds a patient, records consent, sees the visible documents only, adds one; the patient sees it with its author", async ({
  page,
}) => {
  const patient = await createActivePatient({ isOnboarded: true });
  const professional = await createTestProfessional();
  const visible = await createTestDocument(patient.id, { title: "Compte rendu de cardiologie", authorKind: "professional", typeCode: "11488-4" });
  const masked = await createTestDocument(patient.id, {
    title: "Compte rendu masqué",
    authorKind: "professional",
    typeCode: "11488-4",
    isHiddenFromProfessionals: true,
  });
  // The /pro login's pages are pro-login.spec.ts's journey: here the professional's session is minted.
  await signIn(page, professional.professionalId);

  await page.goto("/pro");
  await page.getByRole("textbox", { name: "Numéro de sécurité sociale" }).fill(patient.nir);
  await page.getByRole("textbox", { name: "Date de naissance" }).fill(patient.birthDateFr);
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(new RegExp(`/pro/patients/${patient.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Dossier du patient" })).toBeVisible();
  await expect(page.getByRole("link", { name: visible.title })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // A reason too short is told on « Motif »; nothing is opened.
  await page.getByRole("textbox", { name: "Motif" }).fill("court");
  await page.getByRole("button", { name: "Accès en urgence" }).click();
  await expect(page.getByRole("textbox", { name: "Motif" })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Le motif doit compter au moins 10 caractères.").first()).toBeVisible();

  // The box unticked is told on the box.
  await page.getByRole("button", { name: "Accéder au dossier" }).click();
  await expect(page.getByRole("checkbox", { name: "Le patient m'a donné son accord" })).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  await page.getByRole("checkbox", { name: "Le patient m'a donné son accord" }).check();
  await page.getByRole("button", { name: "Accéder au dossier" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Lucie ${patient.birthName}` })).toBeVisible();
  await expect(page.getByRole("link", { name: visible.title })).toBeVisible();
  await expect(page.getByText(masked.title)).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: "Vaccinations" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Entourage et volontés" })).toBeVisible();
  await expect(page.getByText("Accès en urgence")).toHaveCount(0);
  await expectNoAxeViolations(page);
  // The masked document's file is not found either, exactly like one that does not exist.
  expect((await page.request.get(`/pro/patients/${patient.id}/documents/${masked.id}/fichier`)).status()).toBe(404);

  await page.getByRole("link", { name: "Ajouter un document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ajouter un document" })).toBeVisible();
  await expectNoAxeViolations(page);
  // Without a title, date or type: each told on its field, nothing added.
  await page.getByLabel("Fichier").setInputFiles({ name: "consultation.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Ajouter le document" }).click();
  await expect(page.getByRole("combobox", { name: "Type de document" })).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  await page.getByLabel("Fichier").setInputFiles({ name: "consultation.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("textbox", { name: "Titre" }).fill("Consultation du jour");
  await page.getByRole("textbox", { name: "Date du document" }).fill("02/03/2026");
  await page.getByRole("combobox", { name: "Type de document" }).selectOption({ label: "Compte rendu de consultation" });
  await page.getByRole("button", { name: "Ajouter le document" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le document a été ajouté au dossier du patient." })).toBeVisible();
  const added = page.getByRole("link", { name: "Consultation du jour" });
  await expect(added).toBeVisible();
  // Its bytes, through the professional's file route with the patient's route's headers.
  const file = await page.request.get((await added.getAttribute("href"))!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  expect(file.headers()["content-security-policy"]).toMatch(/^default-src 'none'/);

  // The patient sees it in Documents, added by the professional.
  await page.context().clearCookies();
  await signIn(page, patient.id);
  await page.goto("/documents");
  const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Consultation du jour" }) });
  // A physician of the directory, as the app names them.
  await expect(item.getByText(`Ajouté par Dr ${professional.fullName}`)).toBeVisible();
});
