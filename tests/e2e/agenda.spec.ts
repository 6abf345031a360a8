import { readFile } from "node:fs/promises";
import ICAL from "ical.js";
import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { createActivePatient } from "./support/patients";
import { createTestProfessional, giveProfessionalAccess } from "./support/professionals";
import { sql } from "./support/register";
import { signIn } from "./support/session";

/** A day some weeks ahead, "JJ/MM/AAAA": the appointment is still to come whenever the suite runs. */
function dayAhead(days: number): string {
  const day = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric" }).format(day);
}

test("the patient adds an appointment, finds it on Accueil, and exports the agenda as .ics", async ({ page }) => {
  const patient = await createActivePatient({ isOnboarded: true });
  await signIn(page, patient.id);
  await page.goto("/agenda");
  await expect(page.getByRole("heading", { level: 1, name: "Agenda" })).toBeVisible();
  await expect(page.getByText("Mon espace santé n'est pas un outil de prise de rendez-vous")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Ajouter un rendez-vous" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ajouter un rendez-vous" })).toBeVisible();
  // Nothing typed: each missing field says so, and nothing is stored.
  await page.getByRole("button", { name: "Enregistrer le rendez-vous" }).click();
  await expect(page.getByRole("textbox", { name: "Avec qui" })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("textbox", { name: "Date" })).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  const date = dayAhead(20);
  await page.getByRole("textbox", { name: "Titre" }).fill("Bilan ophtalmologique");
  await page.getByRole("textbox", { name: "Avec qui" }).fill("Dr Camille Roux");
  await page.getByRole("textbox", { name: "Date" }).fill(date);
  await page.getByRole("textbox", { name: "Heure" }).fill("09:45");
  await page.getByRole("button", { name: "Enregistrer le rendez-vous" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bilan ophtalmologique" })).toBeVisible();
  await expect(page.getByText("Le rendez-vous a été ajouté à votre agenda.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Supprimer le rendez-vous" })).toBeVisible();
  const [row] = await sql<{ withName: string; authorKind: string }[]>`
    select with_name as "withName", author_kind as "authorKind" from appointments where person_id = ${patient.id}`;
  expect(row).toEqual({ withName: "Dr Camille Roux", authorKind: "patient" });

  await page.goto("/accueil");
  const upcoming = page.getByRole("list", { name: "Mes prochains rendez-vous" });
  await expect(upcoming.getByRole("link", { name: "Bilan ophtalmologique" })).toBeVisible();

  await page.goto("/agenda");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter mon agenda (.ics)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("agenda-mon-espace-sante.ics");
  const calendar = new ICAL.Component(ICAL.parse(await readFile((await download.path())!, "utf8")));
  const events = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
  expect(events.map((event) => event.summary)).toEqual(["Bilan ophtalmologique"]);
  expect(events[0]!.description).toContain("Avec Dr Camille Roux");
});

test("a professional adds an appointment from /pro; the patient sees it read-only, with the status the professional sets", async ({ page }) => {
  const patient = await createActivePatient({ isOnboarded: true });
  const professional = await createTestProfessional();
  await giveProfessionalAccess(patient.id, professional.professionalId);
  await signIn(page, professional.professionalId);
  await page.goto(`/pro/patients/${patient.id}`);
  await page.getByRole("link", { name: "Ajouter un rendez-vous" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ajouter un rendez-vous" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("textbox", { name: "Titre" }).fill("Consultation de suivi");
  await page.getByRole("textbox", { name: "Date" }).fill(dayAhead(30));
  await page.getByRole("textbox", { name: "Heure" }).fill("10:30");
  await page.getByRole("combobox", { name: "Statut" }).selectOption({ label: "Confirmé" });
  await page.getByRole("button", { name: "Enregistrer le rendez-vous" }).click();
  await expect(page.getByText("Le rendez-vous a été ajouté à l'agenda du patient.")).toBeVisible();

  await signIn(page, patient.id);
  await page.goto("/agenda");
  await page.getByRole("list", { name: "Mes prochains rendez-vous" }).getByRole("link", { name: "Consultation de suivi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Consultation de suivi" })).toBeVisible();
  await expect(page.getByText("Confirmé", { exact: true })).toBeVisible();
  await expect(page.getByText(`Ce rendez-vous a été ajouté par Dr ${professional.fullName}`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Supprimer le rendez-vous" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Enregistrer le rendez-vous" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  const appointmentPath = new URL(page.url()).pathname;

  // The professional who added it changes its status from the patient's record.
  await signIn(page, professional.professionalId);
  await page.goto(`/pro/patients/${patient.id}`);
  const added = page.getByRole("region", { name: "Rendez-vous que vous avez ajoutés" });
  await expect(added.getByText("Consultation de suivi")).toBeVisible();
  await added.getByRole("combobox", { name: /^Statut du rendez-vous du / }).selectOption({ label: "Annulé" });
  await added.getByRole("button", { name: "Enregistrer le statut" }).click();
  await expect(page.getByText("Le statut du rendez-vous a été modifié.")).toBeVisible();
  await expect(added.getByRole("combobox", { name: /^Statut du rendez-vous du / })).toHaveValue("cancelled");
  await expectNoAxeViolations(page);

  await signIn(page, patient.id);
  await page.goto(appointmentPath);
  await expect(page.getByText("Annulé", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Supprimer le rendez-vous" })).toHaveCount(0);
});
