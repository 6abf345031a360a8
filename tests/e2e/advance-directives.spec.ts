import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { createActivePatient } from "./support/patients";
import { sql } from "./support/register";
import { signIn } from "./support/session";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

test("a patient writes advance directives online, finds the PDF in Documents, then replaces it by an uploaded file", async ({ page }) => {
  const patient = await createActivePatient({ firstNames: "Armelle", isOnboarded: true });
  await signIn(page, patient.id);

  // « Compléter mon profil » lists the empty section and leads to it.
  await page.goto("/profil-medical/completer");
  await page.getByRole("link", { name: "Rédiger ou déposer mes directives anticipées" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Directives anticipées" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("radiogroup", { name: "Ma situation de santé" }).getByRole("radio", { name: "Je pense être en bonne santé" }).check();
  for (const group of await page.getByRole("radiogroup").all()) {
    const undecided = group.getByRole("radio", { name: "Je ne me prononce pas" });
    if ((await undecided.count()) > 0) await undecided.check();
  }
  await page.getByRole("textbox", { name: "Lieu de rédaction" }).fill("Nantes");
  await page.getByRole("button", { name: "Enregistrer mes directives anticipées" }).click();
  const title = page.getByRole("heading", { level: 1, name: /^Directives anticipées du \d{2}\/\d{2}\/\d{4}$/ });
  await expect(title).toBeVisible();
  const documentTitle = (await title.textContent()) ?? "";

  await page.goto("/documents");
  await expect(page.getByRole("link", { name: documentTitle }).first()).toBeVisible();
  const [online] = await sql<{ id: string; mediaType: string }[]>`
    select id, media_type as "mediaType" from documents where person_id = ${patient.id} and category = 'DIR_ANT'`;
  expect(online?.mediaType).toBe("application/pdf");

  // The upload: the file becomes the one « Directives anticipées » document.
  await page.goto("/profil-medical/directives-anticipees");
  await page.getByLabel("Fichier").setInputFiles({ name: "directives.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Déposer mes directives" }).click();
  await expect(page.getByRole("heading", { name: `Le document « ${documentTitle} » a été ajouté à vos documents.` })).toBeVisible();
  const stored = await sql<{ id: string; mediaType: string }[]>`
    select id, media_type as "mediaType" from documents where person_id = ${patient.id} and category = 'DIR_ANT'`;
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ mediaType: "image/png" });
  expect(stored[0]?.id).not.toBe(online?.id);
});
