import { readFile } from "node:fs/promises";
import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { createActivePatient } from "./support/patients";
import { sql } from "./support/register";
import { e2eServer } from "./support/server";
import { signIn } from "./support/session";

const SENTENCE = "Suivi de la tension : 12/8, à revoir dans trois mois.";

test("a patient adds a document through the form, previews it in its frame and downloads the same bytes", async ({ page }) => {
  const patient = await createActivePatient({ firstNames: "Noémie", isOnboarded: true });
  await signIn(page, patient.id);
  await page.goto("/documents/ajouter");
  await expect(page.getByRole("heading", { level: 1, name: "Ajouter un document" })).toBeVisible();

  // A PDF called .txt: refused on the "Fichier" field, with the reason, and nothing stored.
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
  await page.getByLabel("Fichier").setInputFiles({ name: "tension.txt", mimeType: "text/plain", buffer: pdf });
  await page.getByRole("textbox", { name: "Titre" }).fill("Suivi tension");
  await page.getByRole("textbox", { name: "Date du document" }).fill("03/02/2026");
  await page.getByRole("combobox", { name: "Catégorie" }).selectOption({ label: "Comptes rendus" });
  await page.getByRole("button", { name: "Ajouter le document" }).click();
  const refusal = "L'extension « .txt » du fichier ne correspond pas à son contenu (PDF).";
  await expect(page.getByLabel("Fichier")).toHaveAccessibleDescription(new RegExp(refusal.replace(/[.()]/g, "\\$&")));
  await expect(page.getByRole("textbox", { name: "Titre" })).toHaveValue("Suivi tension");
  expect((await sql`select id from documents where person_id = ${patient.id}`).length).toBe(0);

  // The right file: the progress bar shows while the upload is held back, then the document is there.
  const text = Buffer.from(`${SENTENCE}\n`, "utf8");
  await page.getByLabel("Fichier").setInputFiles({ name: "tension.txt", mimeType: "text/plain", buffer: text });
  await page.getByRole("combobox", { name: "Dossier" }).selectOption({ label: "Aucun dossier" });
  let releaseUpload: () => void = () => {};
  const uploadHeld = new Promise<void>((resolve) => (releaseUpload = resolve));
  await page.route("**/documents/televersement", async (route) => {
    await uploadHeld;
    await route.continue();
  });
  await page.getByRole("button", { name: "Ajouter le document" }).click();
  await expect(page.getByRole("progressbar", { name: "Envoi du document" })).toBeVisible();
  releaseUpload();
  await expect(page.getByRole("heading", { name: "Le document « Suivi tension » a été ajouté à vos documents." })).toBeVisible();
  await page.unroute("**/documents/televersement");
  await expectNoAxeViolations(page);

  const [row] = await sql<{ id: string; author_kind: string; media_type: string }[]>`
    select id, author_kind, media_type from documents where person_id = ${patient.id}`;
  expect(row).toMatchObject({ author_kind: "patient", media_type: "text/plain" });
  const [object] = await sql<{ bytes: Buffer }[]>`select o.bytes from document_objects o join documents d on d.storage_key = o.key where d.id = ${row!.id}`;
  expect(object!.bytes.includes(Buffer.from(SENTENCE))).toBe(false);

  // The preview: a sandboxed frame showing the text.
  const frame = page.frameLocator('iframe[title="Aperçu du document « Suivi tension »"]');
  await expect(frame.locator("body")).toContainText(SENTENCE);

  // The download: the same bytes, named after the title, never cached, never sniffed.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger" }).click()]);
  expect(download.suggestedFilename()).toBe("Suivi tension.txt");
  expect(Buffer.compare(await readFile((await download.path())!), text)).toBe(0);

  const response = await page.request.get(`/documents/${row!.id}/fichier?telechargement=1`);
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["cache-control"]).toMatch(/no-store/);
  // Sent as stored: not gzipped on the way out (no-transform, set by the proxy, whose value Next keeps).
  expect(headers["cache-control"]).toMatch(/no-transform/);
  expect(headers["content-encoding"]).toBeUndefined();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-disposition"]).toBe(`attachment; filename="Suivi tension.txt"; filename*=UTF-8''Suivi%20tension.txt`);
  const inline = await page.request.get(`/documents/${row!.id}/fichier`);
  expect(inline.headers()["content-security-policy"]).toMatch(/default-src 'none'.*sandbox/);
  expect(inline.headers()["content-disposition"]).toMatch(/^inline;/);

  const actions = await sql<{ action: string }[]>`
    select action from activity_events where subject_person_id = ${patient.id} and target_id = ${row!.id} order by sequence`;
  expect(actions.map((event) => event.action)).toEqual(
    expect.arrayContaining(["documents.added", "documents.opened", "documents.downloaded"]),
  );
});

test("another person's document is not found", async ({ page, browser }) => {
  const owner = await createActivePatient({ firstNames: "Odile", isOnboarded: true });
  await signIn(page, owner.id);
  await page.goto("/documents/ajouter");
  await page.getByLabel("Fichier").setInputFiles({ name: "note.txt", mimeType: "text/plain", buffer: Buffer.from("Note privée\n") });
  await page.getByRole("textbox", { name: "Titre" }).fill("Note privée");
  await page.getByRole("textbox", { name: "Date du document" }).fill("01/02/2026");
  await page.getByRole("combobox", { name: "Catégorie" }).selectOption({ label: "Autres documents" });
  await page.getByRole("button", { name: "Ajouter le document" }).click();
  await expect(page.getByRole("heading", { name: "Le document « Note privée » a été ajouté à vos documents." })).toBeVisible();
  const [row] = await sql<{ id: string }[]>`select id from documents where person_id = ${owner.id}`;

  const stranger = await createActivePatient({ firstNames: "Paul", isOnboarded: true });
  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, stranger.id);
  const response = await other.request.get(`/documents/${row!.id}/fichier?telechargement=1`);
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain("Note privée");
  await context.close();
});

test("the upload handler refuses a post from elsewhere, and a file over the limit with a French message", async ({ page }) => {
  const patient = await createActivePatient({ firstNames: "Rémi", isOnboarded: true });
  await signIn(page, patient.id);
  const form = (bytes: Buffer) => ({
    fichier: { name: "gros.txt", mimeType: "text/plain", buffer: bytes },
    titre: "Gros",
    date: "01/02/2026",
    categorie: "AUTR_DOC",
  });
  const accept = { accept: "application/json" };
  // No Origin: route handlers get no server-action protection, so this one asks for ours.
  const withoutOrigin = await page.request.post("/documents/televersement", { multipart: form(Buffer.from("Bonjour\n")), headers: accept });
  expect(withoutOrigin.status()).toBe(403);
  const tooLarge = await page.request.post("/documents/televersement", {
    multipart: form(Buffer.alloc(5 * 1024 * 1024 + 1, 0x41)),
    headers: { ...accept, origin: e2eServer.origin },
  });
  expect(tooLarge.status()).toBe(413);
  expect(await tooLarge.json()).toMatchObject({ fieldErrors: { fichier: ["Le fichier dépasse 5 Mo. Choisissez un fichier plus léger."] } });
  expect((await sql`select id from documents where person_id = ${patient.id}`).length).toBe(0);

  // A PDF is served inline without the sandbox (browsers will not run their viewer in one), still with nothing allowed to load.
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
  const added = await page.request.post("/documents/televersement", {
    multipart: { ...form(pdf), fichier: { name: "cr.pdf", mimeType: "application/pdf", buffer: pdf } },
    headers: { ...accept, origin: e2eServer.origin },
  });
  expect(added.status()).toBe(200);
  const id = new URL((await added.json()).location, e2eServer.origin).pathname.split("/").at(-1);
  const inline = await page.request.get(`/documents/${id}/fichier`);
  expect(inline.headers()["content-type"]).toBe("application/pdf");
  expect(inline.headers()["content-security-policy"]).toMatch(/^default-src 'none'/);
  expect(inline.headers()["content-security-policy"]).not.toMatch(/sandbox/);
  expect(inline.headers()["x-frame-options"]).toBe("SAMEORIGIN");
});
