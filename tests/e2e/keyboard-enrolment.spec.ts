import { expect, test } from "./support/test";
import { tabTo, typeInto } from "./support/keyboard";
import { readCodeFromOutbox } from "./support/outbox";
import { createRegisteredPerson, spaceStatusOf } from "./support/register";

test("a keyboard-only user activates their space with Tab, Enter and Space", async ({ page }) => {
  test.setTimeout(180_000);
  const person = await createRegisteredPerson({ firstNames: "Clavier" });
  await page.goto("/");

  await tabTo(page, page.getByRole("link", { name: "Activer ou s'opposer à Mon espace santé" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("link", { name: "Générer un nouveau code provisoire" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Générer un nouveau code provisoire" })).toBeVisible();

  await typeInto(page, page.getByRole("textbox", { name: "Numéro de sécurité sociale" }), person.nir);
  await typeInto(page, page.getByRole("textbox", { name: "Date de naissance" }), person.birthDateFr);
  await typeInto(page, page.getByRole("textbox", { name: "Numéro de série de la carte Vitale" }), person.vitaleSerial);
  await tabTo(page, page.getByRole("button", { name: "Continuer" }));
  await page.keyboard.press("Enter");

  const byEmail = page.getByRole("radio", { name: "Par e-mail" });
  await expect(byEmail).toBeVisible();
  await tabTo(page, byEmail);
  await page.keyboard.press("Space");
  await expect(byEmail).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Recevoir mon code provisoire" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText(/Un code provisoire vient de vous être envoyé/)).toBeVisible();

  const code = await readCodeFromOutbox(page, person.email!);
  await typeInto(page, page.getByRole("textbox", { name: "Code provisoire" }), code);
  await tabTo(page, page.getByRole("button", { name: "Valider" }));
  await page.keyboard.press("Enter");

  const activate = page.getByRole("radio", { name: "J'active Mon espace santé" });
  await expect(activate).toBeVisible();
  await tabTo(page, activate);
  await page.keyboard.press("Space");
  await expect(activate).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Continuer" }));
  await page.keyboard.press("Enter");

  const terms = page.getByRole("checkbox", {
    name: "J'accepte les Conditions Générales d'Utilisation et la Politique de protection des données personnelles",
  });
  await expect(terms).toBeVisible();
  await tabTo(page, terms);
  await page.keyboard.press("Space");
  await expect(terms).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Continuer" }));
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1, name: "Je vérifie mes coordonnées de contact" })).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Continuer" }));
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1, name: "Je crée mon identifiant et mon mot de passe" })).toBeVisible();
  const password = page.getByLabel("Mot de passe", { exact: true });
  await tabTo(page, password);
  await page.keyboard.type("Souris&Ecran42");
  await tabTo(page, page.getByLabel("Confirmer le mot de passe", { exact: true }));
  await page.keyboard.type("Souris&Ecran42");
  await tabTo(page, page.getByRole("button", { name: "Créer mon compte" }));
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1, name: "Votre profil a bien été activé" })).toBeVisible();
  expect(await spaceStatusOf(person.id)).toBe("active");
});
