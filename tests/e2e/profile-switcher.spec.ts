import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { createActivePatient, markOnboarded } from "./support/patients";
import { createRegisteredPerson, sql } from "./support/register";
import { signIn } from "./support/session";

test("a parent opens their child's space with \"Changer de profil\", and loses it once the representation is revoked", async ({ page }) => {
  const tag = Date.now().toString(36);
  const parent = await createActivePatient({ firstNames: "Élise", birthName: `Fontaine-${tag}`, isOnboarded: true });
  const child = await createRegisteredPerson({ firstNames: "Jules", birthName: `Fontaine-${tag}`, email: null, mobile: null });
  await sql`
    insert into representations (actor_account_id, subject_person_id, basis, source)
    select id, ${child.id}, 'legal_representative', 'register' from accounts where person_id = ${parent.id}`;
  await markOnboarded(child.id);
  const parentName = `Élise Fontaine-${tag}`;
  const childName = `Jules Fontaine-${tag}`;

  await signIn(page, parent.id);
  await page.goto("/accueil");
  await expect(page.getByRole("heading", { level: 1, name: "Bonjour Élise" })).toBeVisible();
  const header = page.getByRole("banner");
  await expect(header).toContainText(parentName);

  const switcher = page.getByRole("button", { name: "Changer de profil" });
  await expect(switcher).toHaveAttribute("aria-expanded", "false");
  await switcher.click();
  await expect(switcher).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("button", { name: parentName, exact: true })).toHaveAttribute("aria-current", "true");
  await expectNoAxeViolations(page);
  // Escape closes the list and gives the focus back.
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: childName, exact: true })).toBeHidden();
  await expect(switcher).toBeFocused();

  await switcher.click();
  await page.getByRole("button", { name: childName, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bonjour Jules" })).toBeVisible();
  await expect(header).toContainText(childName);

  // Revoked on the server: the next request opens the parent's own space again.
  await sql`update representations set revoked_at = now() where subject_person_id = ${child.id}`;
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Bonjour Élise" })).toBeVisible();
  await page.getByRole("button", { name: "Changer de profil" }).click();
  await expect(page.getByRole("button", { name: childName, exact: true })).toHaveCount(0);
});
