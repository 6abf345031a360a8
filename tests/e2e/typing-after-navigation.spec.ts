import { expect, type Page, test } from "./support/test";
import { createRegisteredPerson } from "./support/register";

/**
 * A person on a slow phone who follows a link and starts typing at once must not lose their
 * entry. Next.js keeps the previous page until the next one has arrived; the code page and
 * "Générer un nouveau code provisoire" both ask for the NIR, so a keystroke landing in the
 * previous page's field vanished once the new page replaced it. Each test types as soon as the
 * field can be found after a client-side navigation, then checks, once the new page is there,
 * that the entry is still in its field and is the one submitted.
 */

/** A slow network for page loads (not for prefetches): the previous page stays on screen longer. */
async function slowDownNavigations(page: Page) {
  await page.route("**/*", async (route) => {
    const headers = route.request().headers();
    if (headers.rsc && !headers["next-router-prefetch"]) await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
}

test("a person types their identity at once after following « Générer un nouveau code provisoire »", async ({ page }) => {
  const person = await createRegisteredPerson();
  await slowDownNavigations(page);
  await page.goto("/");
  await page.getByRole("link", { name: "Activer ou s'opposer à Mon espace santé" }).click();
  await page.getByRole("textbox", { name: "Code provisoire" }).fill("ABCD-EFGH");
  await expect(page.getByRole("heading", { level: 1, name: "Activer ou s'opposer à Mon espace santé" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Code provisoire" })).toHaveValue("ABCD-EFGH");

  await page.getByRole("link", { name: "Générer un nouveau code provisoire" }).click();
  await page.getByRole("textbox", { name: "Numéro de sécurité sociale" }).fill(person.nir);
  await page.getByRole("textbox", { name: "Date de naissance" }).fill(person.birthDateFr);
  await page.getByRole("textbox", { name: "Numéro de série de la carte Vitale" }).fill(person.vitaleSerial);
  await expect(page.getByRole("heading", { level: 1, name: "Générer un nouveau code provisoire" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Numéro de sécurité sociale" })).toHaveValue(person.nir);
  await expect(page.getByRole("textbox", { name: "Date de naissance" })).toHaveValue(person.birthDateFr);
  await expect(page.getByRole("textbox", { name: "Numéro de série de la carte Vitale" })).toHaveValue(person.vitaleSerial);
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByRole("radio", { name: "Par e-mail" })).toBeVisible();
});

test("a person types at once after following each link of the login page", async ({ page }) => {
  const person = await createRegisteredPerson();
  await slowDownNavigations(page);
  await page.goto("/");
  await page.getByRole("link", { name: "Se connecter" }).click();
  await page.getByRole("textbox", { name: "Identifiant" }).fill("lucie.essai");
  await expect(page.getByRole("heading", { level: 1, name: "Connexion à Mon espace santé" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Identifiant" })).toHaveValue("lucie.essai");

  for (const { link, heading } of [
    { link: "Mot de passe oublié ?", heading: "Mot de passe oublié ?" },
    { link: "Identifiant oublié ?", heading: "Identifiant oublié ?" },
  ]) {
    await page.getByRole("link", { name: link }).click();
    await page.getByRole("textbox", { name: "Numéro de sécurité sociale" }).fill(person.nir);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Numéro de sécurité sociale" })).toHaveValue(person.nir);
    await page.getByRole("link", { name: "Revenir à la connexion" }).click();
    await page.getByRole("textbox", { name: "Identifiant" }).fill("lucie.essai");
    await expect(page.getByRole("heading", { level: 1, name: "Connexion à Mon espace santé" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Identifiant" })).toHaveValue("lucie.essai");
  }
});
