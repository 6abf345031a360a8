import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { createTestDocument } from "./support/documents";
import { createTestNotification, emailPreferencesOf, notificationsOf } from "./support/notifications";
import { createActivePatient } from "./support/patients";
import { signIn } from "./support/session";

test("a notification arrives, its count shows, it opens its document, all are marked read, and « Documents » e-mails are switched off", async ({
  page,
}) => {
  const patient = await createActivePatient({ firstNames: "Noémie", isOnboarded: true });
  const document = await createTestDocument(patient.id, { title: "Compte rendu de consultation", authorKind: "professional" });
  await createTestNotification(patient.id, {
    title: `Nouveau document : ${document.title}`,
    path: `/documents/${document.id}`,
    actorName: "Dr Anne Leroy",
    target: { type: "document", id: document.id },
    createdAt: new Date(Date.now() - 60_000),
  });
  await createTestNotification(patient.id, {
    kind: "professional_access",
    title: "Dr Anne Leroy (Médecin) a accédé pour la première fois au dossier",
    path: "/autorisations",
    actorName: "Dr Anne Leroy",
  });
  await signIn(page, patient.id);

  await page.goto("/accueil");
  await expect(page.getByText("Vous avez 2 notifications non lues.")).toBeVisible();
  const menu = page.getByRole("navigation", { name: "Menu du profil" });
  await expect(menu.getByRole("link", { name: "Notifications", exact: true })).toHaveAccessibleDescription("2 notifications non lues");
  await menu.getByRole("link", { name: "Notifications", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expectNoAxeViolations(page);

  const item = page.getByRole("group", { name: `Nouveau document : ${document.title}` });
  await item.getByRole("button", { name: "Voir le document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: document.title })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Notifications", exact: true })).toHaveAccessibleDescription("1 notification non lue");

  await menu.getByRole("link", { name: "Notifications", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Notifications (1 notification non lue)" })).toBeVisible();
  await page.getByRole("button", { name: "Tout marquer comme lu" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Notifications", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Tout marquer comme lu" })).toHaveCount(0);
  expect((await notificationsOf(patient.id)).every((row) => row.readAt !== null)).toBe(true);

  await page.getByRole("link", { name: "Préférences de notification" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Préférences de notification" })).toBeVisible();
  await expect(page.getByText(/ne peuvent pas être désactivés/)).toBeVisible();
  const documents = page.getByRole("switch", { name: "Documents" });
  await expect(documents).toBeChecked();
  await documents.uncheck();
  await page.getByRole("button", { name: "Enregistrer mes préférences" }).click();
  await expect(page.getByRole("status").filter({ hasText: "C'est enregistré" })).toBeVisible();
  await expect(page.getByRole("switch", { name: "Documents" })).not.toBeChecked();
  expect(await emailPreferencesOf(patient.id)).toEqual({ newDocument: false, newMessage: true });
  await expectNoAxeViolations(page);
});

test("a notification is marked unread again, then deleted", async ({ page }) => {
  const patient = await createActivePatient({ firstNames: "Romane", isOnboarded: true });
  await createTestNotification(patient.id, { kind: "emergency_access", title: "Accès en urgence au dossier", path: "/autorisations" });
  await signIn(page, patient.id);
  await page.goto("/notifications");
  const item = page.getByRole("group", { name: /Accès en urgence au dossier/ });
  await item.getByRole("button", { name: "Marquer comme lue" }).click();
  await expect(item.getByRole("button", { name: "Marquer comme non lue" })).toBeVisible();
  await item.getByRole("button", { name: "Marquer comme non lue" }).click();
  await expect(item.getByRole("button", { name: "Marquer comme lue" })).toBeVisible();
  await item.getByRole("button", { name: "Supprimer" }).click();
  await expect(page.getByText("Aucune notification pour le moment.")).toBeVisible();
  expect(await notificationsOf(patient.id)).toEqual([]);
});
