import { type ServiceClient, authorizationUrlOf, createPkcePair, createState, exchangeCode, readAuthorizationReturn, searchFhir } from "@/lib/connected-services/service-client";
import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { createActivePatient } from "./support/patients";
import { e2eServer } from "./support/server";
import { createTestService, grantedPurposesOf } from "./support/services";
import { signIn } from "./support/session";

test("the patient connects a service with one purpose, sees it listed, then disconnects it", async ({ page }) => {
  const patient = await createActivePatient({ firstNames: "Capucine", isOnboarded: true });
  const service = await createTestService({ category: "documents", thematics: ["nutrition"] });
  await signIn(page, patient.id);

  await page.goto("/accueil");
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Catalogue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Catalogue de services" })).toBeVisible();
  await page.getByRole("combobox", { name: "Catégorie" }).selectOption({ label: "Gestion de documents de santé" });
  await page.getByRole("combobox", { name: "Thématique" }).selectOption({ label: "Nutrition" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await page.getByRole("link", { name: service.name }).click();

  await expect(page.getByRole("heading", { level: 1, name: service.name })).toBeVisible();
  await page.getByRole("checkbox", { name: "Consulter vos mesures" }).check();
  await expect(page.getByRole("checkbox", { name: "Consulter la liste de vos documents" })).not.toBeChecked();
  await page.getByRole("button", { name: "Connecter le service" }).click();
  await expect(page.getByRole("status").filter({ hasText: "C'est enregistré" })).toBeVisible();
  expect(await grantedPurposesOf(patient.id, service.id)).toEqual(["measurements:read"]);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Retour au catalogue" }).click();
  const connected = page.getByRole("region", { name: "Mes services connectés" });
  await expect(connected.getByRole("link", { name: service.name })).toBeVisible();
  await expect(connected).toContainText("Consulter vos mesures");
  await expectNoAxeViolations(page);
  await connected.getByRole("link", { name: service.name }).click();

  await page.getByRole("button", { name: "Déconnecter le service" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le service est déconnecté" })).toBeVisible();
  expect(await grantedPurposesOf(patient.id, service.id)).toBeUndefined();
  await page.getByRole("link", { name: "Retour au catalogue" }).click();
  await expect(page.getByRole("region", { name: "Mes services connectés" }).getByText("Vous n'avez connecté aucun service.")).toBeVisible();

  await page.goto("/historique-activite");
  await expect(page.getByText("Connexion d'un service tiers").first()).toBeVisible();
  await expect(page.getByText("Déconnexion d'un service tiers").first()).toBeVisible();
});

test("a service the patient authorises on the consent page reads the measurements granted, and its token opens neither documents nor messages", async ({ page }) => {
  const patient = await createActivePatient({ firstNames: "Anatole", isOnboarded: true });
  const service = await createTestService({ purposes: ["measurements:read", "documents:read"] });
  const client: ServiceClient = { appOrigin: e2eServer.origin, clientId: service.code, redirectUri: service.redirectUri, send: (request) => fetch(request, { redirect: "manual" }) };
  await signIn(page, patient.id);

  // The service's side: its redirect URI is not on this machine, so the browser's visit there is caught.
  let returned: string | undefined;
  await page.route(`${service.redirectUri}**`, async (route) => {
    returned = route.request().url();
    await route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><html lang=fr><title>Service</title><p>Reçu</p>" });
  });
  const { verifier, challenge } = createPkcePair();
  const state = createState();
  await page.goto(authorizationUrlOf(client, { scope: ["measurements:read", "documents:read"], state, challenge }));
  await expect(page.getByRole("heading", { level: 1, name: `Autoriser ${service.name}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("checkbox", { name: "Consulter la liste de vos documents" }).uncheck();
  await page.getByRole("button", { name: "Autoriser" }).click();
  await expect.poll(() => returned).toBeDefined();

  const read = readAuthorizationReturn(returned!, state);
  if (read.status !== "code") throw new Error(JSON.stringify(read));
  const tokens = await exchangeCode(client, { code: read.code, verifier });
  if (!tokens.ok) throw new Error(JSON.stringify(tokens));
  expect(tokens.body.scope).toEqual(["measurements:read"]);
  expect(await grantedPurposesOf(patient.id, service.id)).toEqual(["measurements:read"]);

  expect(await searchFhir(client, "Observation", tokens.body.accessToken)).toMatchObject({ ok: true, status: 200 });
  expect(await searchFhir(client, "DocumentReference", tokens.body.accessToken)).toMatchObject({ ok: false, status: 403 });
  // Messages have no API: a bearer token is no session, and no messaging path answers it with data.
  const bearer = { authorization: `Bearer ${tokens.body.accessToken}` };
  const uuid = "00000000-0000-4000-8000-000000000000";
  for (const [method, path] of [
    ["GET", "/api/fhir/r4/Communication"],
    ["GET", "/api/fhir/r4/CommunicationRequest"],
    ["GET", "/api/fhir/r4/DocumentReference/" + uuid],
    ["GET", "/messagerie"],
    ["POST", "/messagerie/envoi"],
    ["GET", `/messagerie/${uuid}/pieces-jointes/${uuid}`],
    ["GET", `/documents/${uuid}/fichier`],
  ] as const) {
    const answer = await fetch(new URL(path, e2eServer.origin), { method, headers: bearer, redirect: "manual" });
    const location = answer.headers.get("location") ?? "";
    const outcome = answer.status === 404 || answer.status === 403 ? "refused" : answer.status >= 300 && answer.status < 400 && location.includes("/connexion") ? "sent to login" : `HTTP ${answer.status}`;
    expect([method, path, outcome]).toEqual([method, path, expect.stringMatching(/^(refused|sent to login)$/)]);
  }

  await page.goto("/historique-activite");
  await expect(page.getByText("Lecture des mesures par un service tiers").first()).toBeVisible();
});
