import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { createTestDocument, createTestFolder } from "./support/documents";
import { createActivePatient } from "./support/patients";
import { signIn } from "./support/session";

/**
 * Every page a visitor can open without a session, in its first state and, for forms, in the
 * state after an empty submit (errors shown on the fields). Pages of a flow opened out of order
 * show their "démarche expirée" state, which is scanned too. Journeys (enrolment.spec.ts,
 * login.spec.ts, space.spec.ts) scan the pages that need a flow or a session, and the last test
 * below the questionnaire's states they pass by.
 */
const publicPages: { path: string; heading: string | RegExp; submitEmpty?: string }[] = [
  { path: "/", heading: "Mon espace santé" },
  { path: "/activation", heading: "Activer ou s'opposer à Mon espace santé", submitEmpty: "Valider" },
  { path: "/activation/nouveau-code", heading: "Générer un nouveau code provisoire", submitEmpty: "Continuer" },
  { path: "/activation/mode-de-reception", heading: "Envoi du code provisoire" },
  { path: "/activation/choix", heading: "Activer ou s'opposer à Mon espace santé" },
  { path: "/activation/opposition", heading: "Votre opposition est enregistrée" },
  { path: "/activation/opposition/confirmation", heading: "Je valide l'opposition à la création de Mon espace santé" },
  { path: "/activation/conditions", heading: "J'active Mon espace santé" },
  { path: "/activation/coordonnees", heading: "Je vérifie mes coordonnées de contact" },
  { path: "/activation/identifiant", heading: "Je crée mon identifiant et mon mot de passe" },
  { path: "/activation/terminee", heading: "Votre profil a bien été activé" },
  { path: "/conditions-generales", heading: "Conditions Générales d'Utilisation" },
  { path: "/protection-des-donnees", heading: "Politique de protection des données personnelles" },
  { path: "/dev/outbox", heading: "Boîte d'envoi locale" },
  { path: "/connexion", heading: "Connexion à Mon espace santé", submitEmpty: "Se connecter" },
  { path: "/identifiant-oublie", heading: "Identifiant oublié ?", submitEmpty: "Continuer" },
  { path: "/mot-de-passe-oublie", heading: "Mot de passe oublié ?", submitEmpty: "Continuer" },
  { path: "/page-qui-n-existe-pas", heading: "Page introuvable" },
];

for (const { path, heading, submitEmpty } of publicPages) {
  test(`${path} passes axe${submitEmpty ? ", before and after an empty submit" : ""}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectNoAxeViolations(page);
    if (submitEmpty) {
      await page.getByRole("button", { name: submitEmpty }).click();
      await expect(page.getByRole("heading", { name: /Le formulaire contient/ })).toBeVisible();
      await expectNoAxeViolations(page);
    }
  });
}

/*
 * The space's pages are scanned along its journeys (space.spec.ts: the first question, its field
 * error, question 3 with its details, "Merci !", Accueil, Messagerie, a conversation, Profil
 * médical, "Conversation introuvable"); here, the questionnaire's states those journeys pass by.
 */
test("the questionnaire passes axe at every question, and with its form in its error state", async ({ page }) => {
  const newcomer = await createActivePatient({ firstNames: "Axelle" });
  await signIn(page, newcomer.id);
  await page.goto("/questionnaire");
  await expect(page.getByText("Question 1 sur 5", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByRole("heading", { name: /Le formulaire contient/ })).toBeVisible();
  await expectNoAxeViolations(page);
  for (let step = 1; step <= 5; step += 1) {
    await expect(page.getByText(`Question ${step} sur 5`, { exact: true })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(`^Question ${step} sur 5`));
    if (step > 1) await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Passer" }).click();
  }
  await expect(page.getByRole("heading", { level: 1, name: "Merci !" })).toBeVisible();
});

test("Historique d'activité passes axe, and with its filter in its error state", async ({ page }) => {
  const patient = await createActivePatient({ firstNames: "Hélène", isOnboarded: true });
  await signIn(page, patient.id);
  for (const path of ["/historique-activite", "/historique-activite?du=31/02/2026"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "Historique d'activité" })).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

test("Documents passes axe: the list empty, full and searched in vain, a document of one's own and a professional's, the folders and their error, a missing document", async ({
  page,
}) => {
  const patient = await createActivePatient({ firstNames: "Dorothée", isOnboarded: true });
  await signIn(page, patient.id);
  await page.goto("/documents");
  await expect(page.getByText("Vous n'avez pas encore de document.")).toBeVisible();
  await expectNoAxeViolations(page);

  const folder = await createTestFolder(patient.id, "Examens");
  const own = await createTestDocument(patient.id, { title: "Analyse de sang", category: "BIOLOGIE", folderId: folder.id });
  const professional = await createTestDocument(patient.id, { title: "Lettre de liaison", authorKind: "establishment", authorName: "CHU de Nantes", mediaType: "image/tiff" });
  for (const path of ["/documents", "/documents?recherche=introuvable&tri=titre-za", `/documents/${own.id}`, `/documents/${professional.id}`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  }

  await page.goto("/documents/dossiers");
  await expect(page.getByRole("heading", { level: 1, name: "Mes dossiers" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Créer le dossier" }).click();
  await expect(page.getByRole("heading", { name: /Le formulaire contient/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/documents/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { level: 1, name: "Document introuvable" })).toBeVisible();
  await expectNoAxeViolations(page);
});
