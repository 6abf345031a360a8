import { expect, type Page, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { createActivePatient, WELCOME_SUBJECT } from "./support/patients";
import { sql } from "./support/register";
import { signIn } from "./support/session";

/*
 * Journeys in the space, signed in without the login pages (login.spec.ts walks those). What the
 * person sees is checked here; what the rules write (measurements, read receipts, another
 * person's rows left alone) is checked in tests/integration (questionnaire-answers,
 * space-messaging, space-profile).
 */

async function expectQuestion(page: Page, step: number) {
  await expect(page.getByText(`Question ${step} sur 5`, { exact: true })).toBeVisible();
}

test("a patient answers the first question, skips the others, reads the welcome message and logs out", async ({ page }) => {
  // The whole first visit in one journey, with an accessibility scan on each page: longer than most tests.
  test.setTimeout(180_000);
  const patient = await createActivePatient({ firstNames: "Inès", birthName: `Carrel-${Date.now().toString(36)}` });
  await signIn(page, patient.id);
  await page.goto("/accueil");

  // First visit: the space waits for the questionnaire, with its length told from the first question.
  await expect(page).toHaveURL(/\/questionnaire$/);
  await expectQuestion(page, 1);
  await expect(page.getByRole("heading", { level: 1, name: "Quelle est ma taille ?" })).toBeVisible();
  await expectNoAxeViolations(page);
  const height = page.getByRole("textbox", { name: "Quelle est ma taille ?" });
  await height.fill("168");
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByText("La taille se saisit en mètres : 1,68 pour 168 cm.").first()).toBeVisible();
  await expect(height).toHaveValue("168");
  await expectNoAxeViolations(page);
  await height.fill("1,68");
  await page.getByRole("button", { name: "Continuer" }).click();

  await expectQuestion(page, 2);
  await expect(page.getByRole("heading", { level: 1, name: "Quel est mon poids ?" })).toBeVisible();
  await page.getByRole("button", { name: "Passer" }).click();
  await expectQuestion(page, 3);
  // "Oui" opens the details, one item per line.
  await page.getByRole("radio", { name: "Oui" }).check();
  await expect(page.getByRole("textbox", { name: "Mes maladies ou sujets de santé" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Passer" }).click();
  await expectQuestion(page, 4);
  await page.getByRole("button", { name: "Passer" }).click();
  await expectQuestion(page, 5);
  await expect(page.getByRole("heading", { level: 1, name: "Est-ce que j'ai des allergies ?" })).toBeVisible();
  await page.getByRole("button", { name: "Passer" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Merci !" })).toBeVisible();
  await expect(page.getByText("Merci d'avoir complété ces informations. Vous pourrez les retrouver dans votre profil.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Accéder à Mon espace santé" }).click();

  // Home.
  await expect(page).toHaveURL(/\/accueil$/);
  await expect(page.getByRole("heading", { level: 1, name: "Bonjour Inès" })).toBeVisible();
  await expect(page.getByText(`Inès ${patient.birthName}`)).toBeVisible();
  const navigation = page.getByRole("navigation", { name: "Navigation principale" });
  for (const name of ["Accueil", "Profil médical", "Documents", "Messagerie"]) {
    await expect(navigation.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expect(navigation.getByRole("link", { name: "Accueil", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(navigation.getByRole("link", { name: "Messagerie", exact: true })).toHaveAccessibleDescription("1 message non lu");
  await expect(page.getByRole("link", { name: "Ajouter un document" })).toHaveAttribute("href", "/documents/ajouter");
  await expect(page.getByRole("link", { name: "Ajouter une mesure" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Compléter mon profil" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Mes derniers documents" })).toBeVisible();
  await expect(page.getByText("Vous n'avez pas encore de document.")).toBeVisible();
  await expectNoAxeViolations(page);
  // Finished: the questionnaire is not shown again.
  await page.goto("/questionnaire");
  await expect(page).toHaveURL(/\/accueil$/);

  // Messaging: the address to give professionals, the welcome message unread, then read.
  await navigation.getByRole("link", { name: "Messagerie", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Messagerie" })).toBeVisible();
  await expect(page.getByText(`${patient.nir}@patient.mssante.fr`)).toBeVisible();
  await expect(page.getByText("Seul un professionnel de santé peut débuter un échange.")).toBeVisible();
  await expect(page.getByText("Non lu", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: new RegExp(WELCOME_SUBJECT) }).click();
  await expect(page).toHaveURL(new RegExp(`/messagerie/${patient.welcomeConversationId}$`));
  await expect(page.getByRole("heading", { level: 1, name: WELCOME_SUBJECT })).toBeVisible();
  await expect(page.getByText("Retrouvez dans cette messagerie l'ensemble des messages envoyés par vos professionnels de santé.")).toBeVisible();
  await expect(navigation.getByRole("link", { name: "Messagerie", exact: true })).toHaveAccessibleDescription("");
  await expectNoAxeViolations(page);

  // The profile shows what the questionnaire wrote.
  await navigation.getByRole("link", { name: "Profil médical", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Profil médical" })).toBeVisible();
  await expect(page.getByText("1,68 m")).toBeVisible();
  await expect(page.getByText("Aucune allergie renseignée.")).toBeVisible();
  await expectNoAxeViolations(page);

  // Logging out ends the session: the space's pages no longer show anything of the person.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toHaveCount(0);
  for (const path of ["/accueil", "/profil-medical", `/messagerie/${patient.welcomeConversationId}`, "/questionnaire"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/connexion/);
    await expect(page.getByText(patient.birthName)).toHaveCount(0);
    await expect(page.getByText("1,68 m")).toHaveCount(0);
    await expect(page.getByText(patient.nir)).toHaveCount(0);
  }
});

test("a patient who logs out during the questionnaire resumes at the question where they stopped", async ({ page }) => {
  const patient = await createActivePatient();
  await signIn(page, patient.id);
  await page.goto("/questionnaire");
  await expectQuestion(page, 1);
  await page.getByRole("button", { name: "Passer" }).click();
  await expectQuestion(page, 2);
  await page.getByRole("textbox", { name: "Quel est mon poids ?" }).fill("62,5");
  await page.getByRole("button", { name: "Continuer" }).click();
  await expectQuestion(page, 3);
  // The space itself waits until the questionnaire is done.
  await page.goto("/messagerie");
  await expect(page).toHaveURL(/\/questionnaire$/);
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toHaveCount(0);

  await signIn(page, patient.id);
  await page.goto("/accueil");
  await expect(page).toHaveURL(/\/questionnaire$/);
  await expectQuestion(page, 3);
});

test("a signed-in patient sees nothing of another person's space, even with its addresses", async ({ page }) => {
  const owner = await createActivePatient({ isOnboarded: true });
  await sql`
    insert into measurements (person_id, code, value, unit, measured_at)
    values (${owner.id}, '8302-2', 168, 'cm', now())`;
  const other = await createActivePatient({ isOnboarded: true });
  await signIn(page, other.id);
  await page.goto("/accueil");
  await expect(page).toHaveURL(/\/accueil$/);

  await page.goto(`/messagerie/${owner.welcomeConversationId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Conversation introuvable" })).toBeVisible();
  await expect(page.getByText("Retrouvez dans cette messagerie")).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.goto("/profil-medical");
  await expect(page.getByText("Aucune mesure enregistrée.")).toBeVisible();
  await expect(page.getByText("1,68 m")).toHaveCount(0);
  await page.goto("/messagerie");
  await expect(page.getByText(`${other.nir}@patient.mssante.fr`)).toBeVisible();
  await expect(page.getByText(owner.nir)).toHaveCount(0);
  await expect(page.getByText(owner.birthName)).toHaveCount(0);
});
