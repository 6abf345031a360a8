import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { createTestDocument, documentRowOf } from "./support/documents";
import { createActivePatient } from "./support/patients";
import { signIn } from "./support/session";

test("a patient finds a document by searching its title, opens it and masks it from professionals", async ({ page }) => {
  const patient = await createActivePatient({ firstNames: "Maëlle", isOnboarded: true });
  const echo = await createTestDocument(patient.id, { title: "Échographie du genou", category: "RADIO_SC", mediaType: "image/jpeg" });
  await createTestDocument(patient.id, { title: "Ordonnance de kinésithérapie", category: "ORD_SOIN" });
  await signIn(page, patient.id);

  await page.goto("/accueil");
  await expect(page.getByRole("heading", { name: "Mes derniers documents" })).toBeVisible();
  await expect(page.getByRole("link", { name: echo.title })).toBeVisible();
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Documents" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Documents" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ajouter un document" })).toHaveAttribute("href", "/documents/ajouter");

  // Without its accent and in capitals: the search folds both.
  await page.getByRole("searchbox", { name: "Rechercher un document" }).fill("ECHOGRAPHIE");
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByText("1 document correspond à votre recherche.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Ordonnance de kinésithérapie" })).toHaveCount(0);
  await expect(page).toHaveURL(/recherche=ECHOGRAPHIE/);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: echo.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: echo.title })).toBeVisible();
  // An image is framed with every restriction (a PDF cannot be: its viewer refuses a sandbox).
  await expect(page.locator(`iframe[src="/documents/${echo.id}/fichier"][sandbox=""]`)).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Télécharger" })).toHaveAttribute("href", `/documents/${echo.id}/fichier?telechargement=1`);
  await page.getByRole("button", { name: "Masquer aux professionnels" }).click();
  await expect(page.getByRole("button", { name: "Rendre visible" })).toBeVisible();
  await expect(page.getByText("Masqué aux professionnels de santé")).toBeVisible();
  expect((await documentRowOf(echo.id))?.isHiddenFromProfessionals).toBe(true);
  await expectNoAxeViolations(page);
});

test("a professional's document says who added it, and can be masked but neither edited nor deleted", async ({ page }) => {
  const patient = await createActivePatient({ isOnboarded: true });
  const report = await createTestDocument(patient.id, { title: "Compte rendu opératoire", authorKind: "professional", authorName: "Dr Anne Leroy" });
  await signIn(page, patient.id);

  await page.goto(`/documents/${report.id}`);
  await expect(page.getByRole("heading", { level: 1, name: report.title })).toBeVisible();
  await expect(
    page.getByText("Ce document a été ajouté par un professionnel de santé (Dr Anne Leroy). Il ne peut pas être modifié ou supprimé."),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Masquer aux professionnels" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Épingler" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Supprimer" })).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "Titre" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("a patient creates a folder, moves a document into it and finds it there", async ({ page }) => {
  const patient = await createActivePatient({ isOnboarded: true });
  const scan = await createTestDocument(patient.id, { title: "Scanner du genou" });
  await signIn(page, patient.id);

  await page.goto("/documents");
  await page.getByRole("link", { name: "Gérer mes dossiers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mes dossiers" })).toBeVisible();
  await page.getByRole("textbox", { name: "Nom du nouveau dossier" }).fill("Genou");
  await page.getByRole("button", { name: "Créer le dossier" }).click();
  await expect(page.getByText("Le dossier « Genou » est créé.")).toBeVisible();
  // The same name, whatever its case, is refused on the field.
  await page.getByRole("textbox", { name: "Nom du nouveau dossier" }).fill("GENOU");
  await page.getByRole("button", { name: "Créer le dossier" }).click();
  await expect(page.getByText("Vous avez déjà un dossier portant ce nom : choisissez-en un autre.").first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(`/documents/${scan.id}`);
  await page.getByRole("combobox", { name: "Dossier" }).selectOption({ label: "Genou" });
  await page.getByRole("button", { name: "Déplacer" }).click();
  await expect(page.getByText("Le document est rangé.")).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: /^Genou$/ })).toBeVisible();
  expect((await documentRowOf(scan.id))?.folderId).not.toBeNull();

  await page.goto("/documents");
  await page.getByRole("combobox", { name: "Dossier" }).selectOption({ label: "Aucun dossier" });
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByText("Aucun document ne correspond à votre recherche.")).toBeVisible();
  await page.getByRole("combobox", { name: "Dossier" }).selectOption({ label: "Genou" });
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByRole("link", { name: scan.title })).toBeVisible();
});

test("a patient deletes their own document after confirming in the dialog", async ({ page }) => {
  const patient = await createActivePatient({ isOnboarded: true });
  const note = await createTestDocument(patient.id, { title: "Note à supprimer", mediaType: "image/tiff" });
  await signIn(page, patient.id);

  await page.goto(`/documents/${note.id}`);
  await expect(page.getByText("ne peut pas être affiché ici : téléchargez le document pour l'ouvrir.")).toBeVisible();
  await page.getByRole("button", { name: "Supprimer" }).click();
  const dialog = page.getByRole("dialog", { name: "Supprimer ce document ?" });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: "Supprimer" }).click();
  await expect(page).toHaveURL(/\/documents\?supprime=1$/);
  await expect(page.getByText("Le document a été supprimé.")).toBeVisible();
  await expect(page.getByRole("link", { name: note.title })).toHaveCount(0);
  expect(await documentRowOf(note.id)).toBeUndefined();
});
