import type { Browser, Page } from "@playwright/test";
import { createClientAddress, expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { createTestDocument } from "./support/documents";
import { createActivePatient } from "./support/patients";
import { createTestProfessional } from "./support/professionals";
import { signIn } from "./support/session";

/** A browser of its own for the patient: the professional's session stays live in the other while the patient acts. */
async function patientBrowser(browser: Browser, personId: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": createClientAddress() } });
  const page = await context.newPage();
  await signIn(page, personId);
  return page;
}

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

test("a professional finds a patient, records consent, sees the visible documents only, adds one; the patient sees it with its author, blocks them; an emergency access is told by e-mail; the history lists each step", async ({
  page,
  browser,
}) => {
  // One journey across two browsers and a dozen pages, each scanned by axe.
  test.setTimeout(180_000);
  const startedAt = Date.now();
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
  const patientPage = await patientBrowser(browser, patient.id);
  await patientPage.goto("/documents");
  const item = patientPage.getByRole("listitem").filter({ has: patientPage.getByRole("link", { name: "Consultation du jour" }) });
  // A physician of the directory, as the app names them.
  await expect(item.getByText(`Ajouté par Dr ${professional.fullName}`)).toBeVisible();
  await expectNoAxeViolations(patientPage);

  // The patient blocks the professional, whose session is still open in the other browser.
  await patientPage.goto("/autorisations");
  await expect(patientPage.getByRole("heading", { level: 1, name: "Autorisations d'accès" })).toBeVisible();
  const authorised = patientPage.getByRole("region", { name: "Professionnels autorisés" });
  await authorised.getByRole("listitem", { name: professional.fullName }).getByRole("button", { name: "Bloquer" }).click();
  await expect(patientPage.getByRole("region", { name: "Professionnels bloqués" }).getByRole("listitem", { name: professional.fullName })).toBeVisible();
  await expectNoAxeViolations(patientPage);

  // From the professional's very next request, nothing of the record: neither the page nor a file.
  expect((await page.request.get(`/pro/patients/${patient.id}/documents/${visible.id}/fichier`)).status()).toBe(404);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Dossier du patient" })).toBeVisible();
  await expect(page.getByText("Le patient vous a bloqué : vous ne pouvez pas consulter son dossier.")).toBeVisible();
  await expect(page.getByRole("link", { name: visible.title })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Consultation du jour" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Another professional, without the patient's consent, opens an emergency access with its reason.
  const emergencyDoctor = await createTestProfessional({ firstName: "Marc" });
  await page.context().clearCookies();
  await signIn(page, emergencyDoctor.professionalId);
  await page.goto(`/pro/patients/${patient.id}`);
  await page.getByRole("textbox", { name: "Motif" }).fill("Patiente inconsciente aux urgences");
  await page.getByRole("button", { name: "Accès en urgence" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Lucie ${patient.birthName}` })).toBeVisible();
  await expect(page.getByText("Vous consultez ce dossier en urgence")).toBeVisible();
  await expect(page.getByRole("link", { name: visible.title })).toBeVisible();
  // « Documents masqués » is off by default: the masked document stays out, even in an emergency.
  await expect(page.getByText(masked.title)).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The patient's e-mail says who, their profession and when; nothing of health, not the reason.
  await patientPage.goto(`/dev/outbox?destinataire=${encodeURIComponent(patient.email!)}`);
  const notice = patientPage.getByRole("article").filter({ hasText: "Accès en urgence à votre dossier Mon espace santé" });
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText(`Dr ${emergencyDoctor.fullName} (Médecin) a ouvert un accès en urgence à votre dossier`);
  for (const healthContent of ["inconsciente", visible.title, masked.title, "Consultation du jour"]) await expect(notice).not.toContainText(healthContent);
  await expectNoAxeViolations(patientPage);

  // « Historique d'activité »: each step, with who (and their profession), when, what, and whether in an emergency.
  await patientPage.goto("/historique-activite");
  await expect(patientPage.getByRole("heading", { level: 1, name: "Historique d'activité" })).toBeVisible();
  const table = patientPage.getByRole("table", { name: /de la plus récente à la plus ancienne/ });
  const rowOf = (author: string, action: string) =>
    table.getByRole("row").filter({ has: patientPage.getByRole("cell", { name: author }) }).filter({ hasText: action });
  const doctorName = `Dr ${professional.fullName} (Médecin)`;
  const emergencyName = `Dr ${emergencyDoctor.fullName} (Médecin)`;
  const steps = [
    { author: doctorName, action: "Enregistrement de l'accord du patient par un professionnel de santé", isEmergency: false },
    { author: doctorName, action: "Consultation du dossier par un professionnel de santé", isEmergency: false },
    { author: doctorName, action: "Consultation d'un document par un professionnel de santé", isEmergency: false },
    { author: doctorName, action: "Ajout d'un document", isEmergency: false },
    { author: `Lucie ${patient.birthName}`, action: "Blocage de l'accès d'un professionnel de santé", isEmergency: false },
    { author: emergencyName, action: "Ouverture d'un accès en urgence au dossier", isEmergency: true },
    { author: emergencyName, action: "Consultation du dossier par un professionnel de santé", isEmergency: true },
  ];
  for (const step of steps) {
    const row = rowOf(step.author, step.action).first();
    await expect(row).toBeVisible();
    if (step.author !== `Lucie ${patient.birthName}`) await expect(row).toContainText("Professionnel de santé");
    if (step.isEmergency) await expect(row).toContainText("Accès en urgence");
    else await expect(row.getByText("Accès en urgence", { exact: true })).toHaveCount(0);
    const at = Date.parse((await row.locator("time").getAttribute("datetime")) ?? "");
    expect(at).toBeGreaterThanOrEqual(startedAt - 1000);
  }
  // Each opening once: the first doctor opened one file, the emergency doctor none (a link's mere
  // display, or its prefetch, reads nothing).
  await expect(rowOf(doctorName, "Consultation d'un document par un professionnel de santé")).toHaveCount(1);
  await expect(rowOf(emergencyName, "Consultation d'un document par un professionnel de santé")).toHaveCount(0);
  await expect(rowOf(emergencyName, "Consultation du dossier par un professionnel de santé")).toHaveCount(1);
  await expectNoAxeViolations(patientPage);
  await patientPage.context().close();
});
