import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { createTestDocument, createTestFolder } from "./support/documents";
import { createTestNotification } from "./support/notifications";
import { createActivePatient } from "./support/patients";
import { createTestStatementLine } from "./support/reimbursements";
import { createTestProfessional, giveProfessionalAccess } from "./support/professionals";
import { sql } from "./support/register";
import { connectTestService, createTestService } from "./support/services";
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
  { path: "/pro/connexion/identifiant-oublie", heading: "Identifiant oublié ?", submitEmpty: "Continuer" },
  { path: "/pro/connexion/mot-de-passe-oublie", heading: "Mot de passe oublié ?", submitEmpty: "Continuer" },
  { path: "/page-qui-n-existe-pas", heading: "Page introuvable" },
];

/**
 * Pages scanned a few to a test, in one browser context (docs/decisions/0008-test-budget.md): a
 * context and axe's blank page are made once for the group rather than once per page. Each page
 * is still opened on its own, every scan as before.
 */
function groupsOf<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

for (const group of groupsOf(publicPages, 6)) {
  test(`${group.map(({ path }) => path).join(", ")} pass axe, forms also after an empty submit`, async ({ page }) => {
    test.setTimeout(120_000);
    for (const { path, heading, submitEmpty } of group) {
      await test.step(path, async () => {
        // Each page as a first visit: no cookie a page before it may have set.
        await page.context().clearCookies();
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
  });
}

/*
 * The space's pages are scanned along its journeys (space.spec.ts: the first question, its field
 * error, question 3 with its details, "Merci !", Accueil, Messagerie, a conversation, Profil
 * médical, "Conversation introuvable"; messaging.spec.ts: a conversation with its attachment, reply
 * and closed states, "Écrire à un professionnel", /pro's "Écrire au patient", conversations and a
 * conversation); here, the questionnaire's states those journeys pass by.
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

test("Remboursements and Mon histoire de santé pass axe: the statement with its totals and chart, a line's details, the filter in its error state, the timeline", async ({ page }) => {
  const patient = await createActivePatient({ firstNames: "Rémi", isOnboarded: true });
  await createTestStatementLine(patient.id, { careDate: "2025-03-10", actLabel: "Consultation de médecine générale" });
  await createTestStatementLine(patient.id, { careDate: "2026-01-20", actLabel: "Amoxicilline 500 mg", category: "medicine-vaccine" });
  await signIn(page, patient.id);
  await page.goto("/remboursements");
  await expect(page.getByRole("heading", { level: 1, name: "Remboursements" })).toBeVisible();
  await page.locator("summary", { hasText: "Détails" }).first().click();
  await expect(page.getByText("Base de remboursement").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/remboursements?du=31/02/2026");
  await expect(page.getByRole("heading", { name: /Le formulaire contient/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/remboursements/histoire-de-sante");
  await expect(page.getByRole("heading", { level: 1, name: "Mon histoire de santé" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("Mesures passes axe: the list, the form empty and in its error state, a history with its chart, table and target", async ({ page }) => {
  const patient = await createActivePatient({ firstNames: "Maëlle", isOnboarded: true });
  await sql`
    insert into measurements (person_id, code, value, unit, measured_at) values
      (${patient.id}, '29463-7', 71, 'kg', '2025-10-01T08:00:00Z'),
      (${patient.id}, '29463-7', 69.5, 'kg', '2025-11-01T08:00:00Z')`;
  await sql`insert into measurement_targets (person_id, code, value, unit) values (${patient.id}, '29463-7', 65, 'kg')`;
  await signIn(page, patient.id);
  await page.goto("/profil-medical/mesures");
  await expect(page.getByRole("heading", { level: 1, name: "Mes mesures" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/profil-medical/mesures/ajouter");
  await expect(page.getByRole("heading", { level: 1, name: "Ajouter une mesure" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("textbox", { name: "Date" }).fill("");
  await page.getByRole("button", { name: "Enregistrer la mesure" }).click();
  await expect(page.getByRole("heading", { name: /Le formulaire contient/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/profil-medical/mesures/poids");
  await expect(page.getByRole("table", { name: "Poids" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Graphique de l'évolution : Poids/ }).locator(".recharts-line")).toHaveCount(1);
  await expectNoAxeViolations(page);
  await page.getByRole("textbox", { name: "Objectif" }).fill("1000");
  await page.getByRole("button", { name: "Enregistrer l'objectif" }).click();
  await expect(page.getByRole("heading", { name: /Le formulaire contient/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

/** Profil médical's pages, five to a test and one patient for them; forms also after an empty submit. */
const medicalProfilePages: { path: string; heading: string; submitEmpty?: boolean }[] = [
  { path: "/profil-medical", heading: "Profil médical" },
  { path: "/profil-medical/completer", heading: "Compléter mon profil" },
  { path: "/profil-medical/groupe-sanguin", heading: "Groupe sanguin" },
  { path: "/profil-medical/synthese", heading: "Partager une synthèse" },
  { path: "/profil-medical/directives-anticipees", heading: "Directives anticipées", submitEmpty: true },
  { path: "/profil-medical/habitudes-de-vie", heading: "Habitudes de vie", submitEmpty: true },
  { path: "/profil-medical/maladies/ajouter", heading: "Ajouter une maladie ou un sujet de santé", submitEmpty: true },
  { path: "/profil-medical/handicaps/ajouter", heading: "Ajouter un handicap", submitEmpty: true },
  { path: "/profil-medical/entourage/ajouter", heading: "Ajouter un contact", submitEmpty: true },
  { path: "/profil-medical/professionnels/ajouter", heading: "Ajouter un professionnel de santé" },
];

for (const group of groupsOf(medicalProfilePages, 5)) {
  test(`${group.map(({ path }) => path).join(", ")} pass axe, forms also after an empty submit`, async ({ page }) => {
    test.setTimeout(120_000);
    // An empty submit is refused and writes nothing: the next page sees the same empty profile.
    const patient = await createActivePatient({ firstNames: "Inès", isOnboarded: true });
    await signIn(page, patient.id);
    for (const { path, heading, submitEmpty } of group) {
      await test.step(path, async () => {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
        await expectNoAxeViolations(page);
        if (submitEmpty) {
          await page.getByRole("button", { name: "Enregistrer" }).click();
          await expect(page.getByRole("heading", { name: /Le formulaire contient/ })).toBeVisible();
          await expectNoAxeViolations(page);
        }
      });
    }
  });
}

test("« Ajouter un document » passes axe, empty and with its fields in their error state", async ({ page }) => {
  const patient = await createActivePatient({ firstNames: "Inès", isOnboarded: true });
  await signIn(page, patient.id);
  await page.goto("/documents/ajouter");
  await expect(page.getByRole("heading", { level: 1, name: "Ajouter un document" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Ajouter le document" }).click();
  await expect(page.getByRole("heading", { name: /Le formulaire contient \d erreurs/ })).toBeVisible();
  await expectNoAxeViolations(page);
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

test("Autorisations d'accès passes axe, with professionals authorised and blocked, and « Détail des droits d'accès » empty, for a profession, and with an unknown one", async ({
  page,
}) => {
  const patient = await createActivePatient({ firstNames: "Maud", isOnboarded: true });
  const doctor = await createTestProfessional({ firstName: "Anne", lastName: "Leroy" });
  const nurse = await createTestProfessional({ firstName: "Léa", lastName: "Petit", professionCode: "60", specialty: null });
  await giveProfessionalAccess(patient.id, doctor.professionalId);
  await giveProfessionalAccess(patient.id, nurse.professionalId, "blocked");
  await signIn(page, patient.id);
  await page.goto("/autorisations");
  await expect(page.getByRole("heading", { level: 1, name: "Autorisations d'accès" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Débloquer" })).toBeVisible();
  await expectNoAxeViolations(page);
  for (const path of ["/autorisations/detail", "/autorisations/detail?profession=80", "/autorisations/detail?profession=00"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "Détail des droits d'accès" })).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

test("Notifications passes axe, empty and with unread and read notifications, and « Préférences de notification »", async ({ page }) => {
  const patient = await createActivePatient({ firstNames: "Salomé", isOnboarded: true });
  await signIn(page, patient.id);
  await page.goto("/notifications");
  await expect(page.getByText("Aucune notification pour le moment.")).toBeVisible();
  await expectNoAxeViolations(page);
  await createTestNotification(patient.id, { title: "Nouveau document : Compte rendu", path: "/documents" });
  const read = await createTestNotification(patient.id, { kind: "professional_access", title: "Dr Anne Leroy (Médecin) a accédé pour la première fois au dossier", path: "/autorisations" });
  await sql`update notifications set read_at = now() where id = ${read.id}`;
  await page.goto("/notifications");
  await expect(page.getByRole("button", { name: "Tout marquer comme lu" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/notifications/preferences");
  await expect(page.getByRole("heading", { level: 1, name: "Préférences de notification" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("Catalogue passes axe: the catalogue filtered in vain, a service with a re-approval due, a suspended one, the consent page and a bad request to it", async ({ page }) => {
  const patient = await createActivePatient({ firstNames: "Clémence", isOnboarded: true });
  const changed = await createTestService();
  await sql`update connected_services set purposes_version = 2, reapproval_deadline = now() + interval '20 days' where id = ${changed.id}`;
  await connectTestService(patient.id, changed.id, ["measurements:read"]);
  const suspended = await createTestService({ status: "suspended" });
  await connectTestService(patient.id, suspended.id, ["documents:read"]);
  await signIn(page, patient.id);
  const challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
  const consent = `/catalogue/autorisation?response_type=code&client_id=${changed.code}&redirect_uri=${encodeURIComponent(changed.redirectUri)}&state=s&code_challenge=${challenge}&code_challenge_method=S256`;
  const pages: [string, string][] = [
    ["/catalogue", "Catalogue de services"],
    ["/catalogue?categorie=prise-de-rendez-vous&thematique=nutrition", "Catalogue de services"],
    [`/catalogue/${changed.id}`, changed.name],
    [`/catalogue/${suspended.id}`, suspended.name],
    [consent, `Autoriser ${changed.name}`],
    ["/catalogue/autorisation?client_id=inconnu", "Autoriser un service"],
  ];
  for (const [path, heading] of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

test("Agenda passes axe: the agenda with an appointment and a reminder, the forms before and after an empty submit, the preventive calendar and an item of it", async ({
  page,
}) => {
  const patient = await createActivePatient({ firstNames: "Agathe", isOnboarded: true });
  await sql`
    insert into appointments (person_id, title, with_kind, with_name, starts_at)
    values (${patient.id}, 'Bilan annuel', 'practitioner', 'Dr Roux', now() + interval '20 days')`;
  await sql`
    insert into agenda_reminders (person_id, title, remind_on, slot)
    values (${patient.id}, 'Renouveler l''ordonnance', (now() + interval '10 days')::date, 1)`;
  await signIn(page, patient.id);
  for (const path of ["/agenda", "/agenda/prevention", "/agenda/prevention/vaccination-dtp-45y"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  }
  await page.goto("/agenda");
  await page.getByRole("button", { name: "Créer mon adresse d'abonnement" }).click();
  await expect(page.getByRole("textbox", { name: "Adresse d'abonnement" })).toHaveValue(/\/calendrier\/[A-Za-z0-9_-]{43}\.ics$/);
  await expectNoAxeViolations(page);
  for (const [path, button] of [
    ["/agenda/rendez-vous/ajouter", "Enregistrer le rendez-vous"],
    ["/agenda/rappels/ajouter", "Enregistrer le rappel"],
  ] as const) {
    await page.goto(path);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: button }).click();
    await expect(page.getByRole("heading", { name: /Le formulaire contient/ })).toBeVisible();
    await expectNoAxeViolations(page);
  }
});
