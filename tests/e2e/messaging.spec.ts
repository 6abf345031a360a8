import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { createActivePatient } from "./support/patients";
import { createTestProfessional, giveProfessionalAccess } from "./support/professionals";
import { sql } from "./support/register";
import { writeAsTestProfessional } from "./support/messaging";
import { signIn } from "./support/session";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

test("a professional writes with an attachment; the patient sees the unread dot, replies and files the attachment; once the professional closes the exchange the patient can no longer reply", async ({
  page,
}) => {
  const patient = await createActivePatient({ isOnboarded: true });
  const professional = await createTestProfessional();
  await giveProfessionalAccess(patient.id, professional.professionalId);

  // The professional, from the patient's record: « Écrire au patient ».
  await signIn(page, professional.professionalId);
  await page.goto(`/pro/patients/${patient.id}`);
  await page.getByRole("link", { name: "Écrire au patient" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Écrire au patient" })).toBeVisible();
  // Nothing typed: told on the fields, nothing sent.
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByRole("textbox", { name: "Objet" })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("textbox", { name: "Message" })).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await page.getByRole("textbox", { name: "Objet" }).fill("Vos résultats d'analyses");
  await page.getByRole("textbox", { name: "Message" }).fill("Bonjour,\n\nVous trouverez vos résultats en pièce jointe.");
  await page.getByLabel("Pièces jointes").setInputFiles({ name: "resultats.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Votre message a été envoyé." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Vos résultats d'analyses" })).toBeVisible();
  await expect(page.getByRole("link", { name: "resultats.pdf", exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // The patient: the dot on « Messagerie » and the conversation in bold, « Non lu ».
  await signIn(page, patient.id);
  await page.goto("/accueil");
  const navigation = page.getByRole("navigation", { name: "Navigation principale" });
  await expect(navigation.getByRole("link", { name: "Messagerie", exact: true })).toHaveAccessibleDescription("2 messages non lus");
  await navigation.getByRole("link", { name: "Messagerie", exact: true }).click();
  await page.getByRole("link", { name: "Vos résultats d'analyses (non lu)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Vos résultats d'analyses" })).toBeVisible();
  await expect(navigation.getByRole("link", { name: "Messagerie", exact: true })).toHaveAccessibleDescription("1 message non lu");
  const message = page.getByRole("article", { name: new RegExp(`Message de .*${professional.lastName}`) });
  await expect(message.getByText("Vous trouverez vos résultats en pièce jointe.")).toBeVisible();
  // The attachment's bytes, served as Documents serves a file.
  const file = await page.request.get((await message.getByRole("link", { name: "resultats.pdf", exact: true }).getAttribute("href"))!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  await expectNoAxeViolations(page);

  // « Ajouter à mes documents »: a category is required, then it is in Documents with the professional as author.
  await message.getByRole("button", { name: "Ajouter à mes documents : resultats.pdf" }).click();
  const filing = page.getByRole("form", { name: "Ajouter resultats.pdf à mes documents" });
  await expect(filing.getByRole("textbox", { name: "Titre" })).toHaveValue("resultats");
  await filing.getByRole("button", { name: "Ajouter à mes documents" }).click();
  await expect(filing.getByRole("combobox", { name: "Catégorie" })).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await filing.getByRole("textbox", { name: "Titre" }).fill("Résultats d'analyses");
  await filing.getByRole("combobox", { name: "Catégorie" }).selectOption({ label: "Comptes rendus" });
  await filing.getByRole("button", { name: "Ajouter à mes documents" }).click();
  // Filed: the attachment says so in place of the button.
  await expect(message.getByText("Enregistrée dans vos documents.")).toBeVisible();
  await expect(message.getByRole("button", { name: /Ajouter à mes documents/ })).toHaveCount(0);

  // « Répondre ».
  await page.getByRole("button", { name: "Répondre" }).click();
  await expect(page.getByRole("textbox", { name: "Message" })).toBeFocused();
  await page.getByRole("textbox", { name: "Message" }).fill("Merci docteur, bien reçu.");
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Votre message a été envoyé." })).toBeVisible();
  await expect(page.getByRole("article", { name: /Message de Lucie/ }).getByText("Merci docteur, bien reçu.")).toBeVisible();
  await expectNoAxeViolations(page);

  await navigation.getByRole("link", { name: "Documents", exact: true }).click();
  await page.getByRole("link", { name: "Résultats d'analyses" }).first().click();
  await expect(page.getByText(new RegExp(`Ce document a été ajouté par .*${professional.lastName}`))).toBeVisible();

  // The professional reads the reply (the count in /pro's header) and closes the exchange.
  await signIn(page, professional.professionalId);
  await page.goto("/pro/messagerie");
  await expect(page.getByRole("heading", { level: 1, name: "Messagerie" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Vos résultats d'analyses (non lu)" }).click();
  await expect(page.getByRole("article", { name: /Message de Lucie/ }).getByText("Merci docteur, bien reçu.")).toBeVisible();
  await page.getByRole("button", { name: "Clore l'échange" }).click();
  await expect(page.getByText("Le patient ne peut pas répondre tant que vous ne lui écrivez pas de nouveau.")).toBeVisible();
  await expectNoAxeViolations(page);

  // The patient can no longer reply, and is told why.
  await signIn(page, patient.id);
  await page.goto("/messagerie");
  await page.getByRole("link", { name: "Vos résultats d'analyses" }).click();
  await expect(page.getByText("a clos cet échange : vous ne pouvez pas répondre tant qu'il ne vous a pas écrit de nouveau.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Répondre" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Every read and write is in the patient's history, the professional's under their name.
  const events = await sql<{ action: string; actorKind: string }[]>`
    select action, actor_kind as "actorKind" from activity_events where subject_person_id = ${patient.id} and action like 'messaging.%' order by sequence`;
  expect(events).toEqual([
    { action: "messaging.message-sent", actorKind: "professional" },
    { action: "messaging.message-read", actorKind: "patient" },
    { action: "messaging.attachment-opened", actorKind: "patient" },
    { action: "messaging.message-sent", actorKind: "patient" },
    { action: "messaging.message-read", actorKind: "professional" },
    { action: "messaging.conversation-closed", actorKind: "professional" },
  ]);
});

test("the patient writes to a professional who already wrote to them, and to no one else", async ({ page }) => {
  const patient = await createActivePatient({ isOnboarded: true });
  await signIn(page, patient.id);
  await page.goto("/messagerie");
  await expect(page.getByText("Seul un professionnel de santé peut débuter un échange.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Écrire à un professionnel" })).toHaveCount(0);

  const professional = await createTestProfessional();
  await giveProfessionalAccess(patient.id, professional.professionalId);
  await writeAsTestProfessional({ professionalId: professional.professionalId, personId: patient.id, subject: "Suivi", body: "Comment allez-vous ?" });
  await page.goto("/messagerie");
  await page.getByRole("link", { name: "Écrire à un professionnel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Écrire à un professionnel" })).toBeVisible();
  const choice = page.getByRole("combobox", { name: "Professionnel de santé" });
  await expect(choice.getByRole("option")).toHaveCount(2); // the placeholder and the one who wrote
  await expect(choice.getByRole("option").nth(1)).toHaveText(new RegExp(professional.lastName));
  await choice.selectOption({ index: 1 });
  await page.getByRole("textbox", { name: "Objet" }).fill("Une question sur mon traitement");
  await page.getByRole("textbox", { name: "Message" }).fill("Bonjour docteur, puis-je prendre ce médicament le soir ?");
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Une question sur mon traitement" })).toBeVisible();
  await expectNoAxeViolations(page);
});
