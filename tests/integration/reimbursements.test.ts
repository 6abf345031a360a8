import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activityEvents, careEvents, insuredPersons, profileItems, statementLines } from "@/db/schema";
import { type Actor, actorOf } from "@/lib/access/actor";
import { createRepresentation } from "@/lib/access/representations";
import { chooseSubject } from "@/lib/access/subject-choice";
import { findActivityPage, streamActivity } from "@/lib/activity/history";
import { NO_FILTERS } from "@/lib/activity/filters";
import { findLiveSession } from "@/lib/auth/sessions";
import { parseCsv } from "@/lib/register/csv";
import { recordConsent } from "@/lib/professional-access/consent";
import { openPatientRecord } from "@/lib/professional-access/reading";
import { statementCsvLine } from "@/lib/reimbursements/csv";
import { buildDemoStatementCsv } from "@/lib/reimbursements/demo-feed";
import { NO_STATEMENT_FILTERS, type StatementCursor, parseStatementQuery } from "@/lib/reimbursements/filters";
import { importStatements } from "@/lib/reimbursements/import";
import {
  findCareEventPage,
  findCareYears,
  findLatestCareEvents,
  findRemainingChargeByYearAndCategory,
  findStatementPage,
  findYearTotals,
  statementRules,
  streamStatementLines,
} from "@/lib/reimbursements/queries";
import { type ReimbursementScope, reimbursementScopeOf } from "@/lib/reimbursements/scope";
import { STATEMENT_COLUMNS, type StatementEntry, formatStatementCsv } from "@/lib/reimbursements/statement-file";
import { addLineToProfile, setHealthHistoryHidden } from "@/lib/reimbursements/writes";
import { createInsuredPerson, createProfessional, createSignedInPerson, randomNir, signInAs } from "@/tests/support/factories";

const NOW = new Date("2026-07-01T09:00:00Z");

type Line = Omit<StatementEntry, "line">;

/** A consultation of 30 € at 70 % with 2 € of participation forfaitaire: AMO 19 €, AMC 9 €, 2 € left to pay. */
function line(nir: string, overrides: Partial<Line> = {}): Line {
  return {
    lineReference: `T-${randomUUID().slice(0, 18)}`,
    beneficiaryNir: nir,
    careDate: "2026-03-10",
    category: "medical-dental-care",
    actLabel: "Consultation de médecine générale",
    actCode: "G",
    professionalRpps: null,
    professionalName: "Dr Anne Leroy",
    establishmentName: null,
    amountPaidCents: 3000,
    reimbursementBaseCents: 3000,
    ratePercent: 70,
    insurerPaidCents: 1900,
    complementaryPaidCents: 900,
    deductionsCents: 200,
    paymentDate: "2026-03-12",
    payee: "insured",
    isMinorSecret: false,
    ...overrides,
  };
}

async function importOrFail(lines: Line[]) {
  const result = await importStatements(formatStatementCsv(lines), { now: NOW });
  if (result.status !== "imported") throw new Error(`rejected: ${JSON.stringify(result.errors)}`);
  return result;
}

async function linesOf(personId: string) {
  return getDb()
    .select()
    .from(careEvents)
    .innerJoin(statementLines, eq(statementLines.careEventId, careEvents.id))
    .where(eq(careEvents.personId, personId));
}

async function allPages(scope: ReimbursementScope, filters = NO_STATEMENT_FILTERS) {
  const ids: string[] = [];
  let cursor: StatementCursor | null = null;
  for (;;) {
    const page = await findStatementPage({ scope, filters, cursor });
    ids.push(...page.lines.map((entry) => entry.id));
    if (!page.olderCursor) return ids;
    const [careDate, id] = page.olderCursor.split("_") as [string, string];
    cursor = { direction: "older", careDate, id };
  }
}

async function exportedCsv(scope: ReimbursementScope, filters = NO_STATEMENT_FILTERS): Promise<string> {
  let text = "";
  for await (const batch of streamStatementLines({ scope, filters })) text += batch.map(statementCsvLine).join("");
  return text;
}

describe("npm run reimbursements:import", () => {
  it("stores care events and statement lines in integer cents, and adds nothing when the same file comes again", async () => {
    const patient = await createInsuredPerson();
    const lines = [
      line(patient.nir, { amountPaidCents: 2128, reimbursementBaseCents: 2128, insurerPaidCents: 1290, complementaryPaidCents: 638 }),
      line(patient.nir, { category: "medicine-vaccine", actLabel: "Paracétamol 1 g", actCode: "3400900000017", payee: "professional" }),
    ];
    const csv = formatStatementCsv(lines);
    expect(await importStatements(csv, { now: NOW })).toEqual({ status: "imported", added: 2, alreadyPresent: 0 });
    expect(await importStatements(csv, { now: NOW })).toEqual({ status: "imported", added: 0, alreadyPresent: 2 });

    const rows = await linesOf(patient.id);
    expect(rows).toHaveLength(2);
    const imaging = rows.find((row) => row.statement_lines.amountPaidCents === 2128);
    expect(imaging?.statement_lines).toMatchObject({ reimbursementBaseCents: 2128, ratePercent: 70, insurerPaidCents: 1290, complementaryPaidCents: 638, deductionsCents: 200 });
    // One delivery, one event in the beneficiary's history, written by the service.
    const events = await getDb().select().from(activityEvents).where(eq(activityEvents.subjectPersonId, patient.id));
    expect(events.map((event) => [event.action, event.actorKind])).toEqual([["reimbursements.received", "system"]]);
  });

  it("refuses the whole file with every bad line's reason, and writes nothing", async () => {
    const adult = await createInsuredPerson();
    const unknownNir = randomNir();
    const good = line(adult.nir);
    const csv = [
      formatStatementCsv([
        good,
        line(adult.nir, { insurerPaidCents: 2100 }),
        line(unknownNir),
        line(adult.nir, { isMinorSecret: true }),
        line(adult.nir, { lineReference: good.lineReference }),
        line(adult.nir, { careDate: "2026-08-01", paymentDate: "2026-08-02" }),
        line(adult.nir, { complementaryPaidCents: 1200 }),
      ]),
      `${["X-1", adult.nir, "2026-03-10", "chirurgie", "Acte", "A", "", "", "", "30.5x", "30", "170", "19", "9", "2", "2026-03-12", "banque", "peut-être"].join(",")}\r\n`,
    ].join("");
    const result = await importStatements(csv, { now: NOW });
    expect(result.status).toBe("rejected");
    const reasons = result.status === "rejected" ? result.errors.map((error) => `${error.line}: ${error.reason}`) : [];
    expect(reasons).toEqual([
      "3: montants incohérents : versé AMO + déductions (23,00) ≠ base × taux (21,00)",
      `4: bénéficiaire inconnu (NIR ${unknownNir} absent du registre)`,
      `5: secret du mineur pour un bénéficiaire majeur à la date des soins`,
      "6: référence de ligne en double (déjà présente ligne 2)",
      "7: date des soins dans le futur",
      "7: date de paiement dans le futur",
      "8: montants incohérents : les remboursements (AMO + AMC) dépassent le montant payé",
      "9: catégorie inconnue (soins, medicaments-vaccins, biologie, imagerie, hospitalisation, dispositif-medical attendu)",
      "9: montant payé invalide (montant en euros attendu, par exemple 25,00)",
      "9: taux invalide (100 au plus)",
      "9: bénéficiaire du paiement inconnu (assure, professionnel, etablissement attendu)",
      "9: secret du mineur invalide (oui, non ou vide attendu)",
    ]);
    expect(await linesOf(adult.id)).toEqual([]);
  });

  it("refuses a file whose header is not the documented one", async () => {
    const result = await importStatements("reference,nir\r\nA,B\r\n", { now: NOW });
    expect(result).toEqual({ status: "rejected", errors: [{ line: 1, reason: `en-tête incorrect : « ${STATEMENT_COLUMNS.join(",")} » attendu` }] });
  });

  it("loads the demonstration feed over three years", async () => {
    const csv = buildDemoStatementCsv(NOW);
    // The register's demonstration people are not in this database: the feed is refused for them, and only for them.
    const result = await importStatements(csv, { now: NOW });
    expect(result.status).toBe("rejected");
    if (result.status === "rejected") expect(result.errors.every((error) => error.reason.startsWith("bénéficiaire inconnu"))).toBe(true);
    const parsed = parseCsv(csv);
    const dates = parsed.status === "parsed" ? parsed.rows.slice(1).map((row) => row.fields[2] as string) : [];
    expect(new Set(dates.map((date) => date.slice(0, 4)))).toEqual(new Set(["2023", "2024", "2025", "2026"]));
  });
});

describe("cents arithmetic and totals", () => {
  it("sums exactly, by year, and the remaining charge is always paid − AMO − AMC", async () => {
    const patient = await createSignedInPerson();
    // 0,10 € + 0,20 € must make 0,30 €, as it never would in floats.
    await importOrFail([
      line(patient.nir, { careDate: "2025-02-01", paymentDate: "2025-02-03", amountPaidCents: 10, reimbursementBaseCents: 0, ratePercent: 0, insurerPaidCents: 0, complementaryPaidCents: 0, deductionsCents: 0 }),
      line(patient.nir, { careDate: "2025-05-01", paymentDate: "2025-05-03", amountPaidCents: 20, reimbursementBaseCents: 0, ratePercent: 0, insurerPaidCents: 0, complementaryPaidCents: 0, deductionsCents: 0 }),
      line(patient.nir),
      line(patient.nir, { category: "imaging", amountPaidCents: 2128, reimbursementBaseCents: 2128, insurerPaidCents: 1290, complementaryPaidCents: 638 }),
    ]);
    const scope = await reimbursementScopeOf(patient.actor, { now: NOW, includeChildren: true });
    expect(await findYearTotals({ scope, filters: NO_STATEMENT_FILTERS })).toEqual([
      { year: 2026, lineCount: 2, amountPaidCents: 5128, insurerPaidCents: 3190, complementaryPaidCents: 1538, remainingChargeCents: 400 },
      { year: 2025, lineCount: 2, amountPaidCents: 30, insurerPaidCents: 0, complementaryPaidCents: 0, remainingChargeCents: 30 },
    ]);
    expect(await findRemainingChargeByYearAndCategory({ scope, filters: NO_STATEMENT_FILTERS })).toEqual([
      { year: 2025, category: "medical-dental-care", remainingChargeCents: 30 },
      { year: 2026, category: "medical-dental-care", remainingChargeCents: 200 },
      { year: 2026, category: "imaging", remainingChargeCents: 200 },
    ]);
    const query = parseStatementQuery({ annee: "2026", categorie: "imaging" }, [patient.id]);
    if (query.status !== "valid") throw new Error("filters refused");
    const page = await findStatementPage({ scope, filters: query.filters, cursor: null });
    expect(page.lines.map((entry) => entry.remainingChargeCents)).toEqual([200]);
    expect(await exportedCsv(scope, query.filters)).toContain('"Radiologie et imagerie";"Consultation de médecine générale";"G";"Dr Anne Leroy";"21,28";"21,28";"70";"12,90";"6,38";"2,00";"2,00";"12/03/2026"');
  });

  it("refuses a beneficiary filter outside what the person may read", async () => {
    const patient = await createSignedInPerson();
    const stranger = await createInsuredPerson();
    const query = parseStatementQuery({ beneficiaire: stranger.id }, [patient.id]);
    expect(query).toMatchObject({ status: "invalid", fieldErrors: { beneficiaire: ["Choisissez un bénéficiaire dans la liste."] } });
  });
});

/** A minor with an account of their own, and a parent who represents them (as the register and activation leave it). */
async function minorAndParent() {
  const minor = await createSignedInPerson();
  await getDb().update(insuredPersons).set({ birthDate: "2011-04-02" }).where(eq(insuredPersons.id, minor.id));
  const parent = await createSignedInPerson();
  await createRepresentation(getDb(), { actorAccountId: parent.accountId, subjectPersonId: minor.id, basis: "legal_representative", source: "register", now: new Date("2025-01-01T00:00:00Z") });
  const parentInOwnSpace = await signInAs(parent.accountId, NOW);
  await importOrFail([
    line(minor.nir, { actLabel: "Consultation de pédiatrie", careDate: "2026-02-01", paymentDate: "2026-02-03", deductionsCents: 0, insurerPaidCents: 2100 }),
    line(minor.nir, { actLabel: "Consultation confidentielle", careDate: "2026-04-01", paymentDate: "2026-04-03", isMinorSecret: true, ratePercent: 100, deductionsCents: 0, insurerPaidCents: 3000, complementaryPaidCents: 0 }),
    line(parent.nir, { actLabel: "Consultation du parent", careDate: "2026-03-01", paymentDate: "2026-03-03" }),
  ]);
  return { minor, parent, parentInOwnSpace };
}

async function everyOutput(actor: Actor, includeChildren: boolean): Promise<string> {
  const scope = await reimbursementScopeOf(actor, { now: NOW, includeChildren });
  const page = await findStatementPage({ scope, filters: NO_STATEMENT_FILTERS, cursor: null });
  const totals = await findYearTotals({ scope, filters: NO_STATEMENT_FILTERS });
  const chart = await findRemainingChargeByYearAndCategory({ scope, filters: NO_STATEMENT_FILTERS });
  const timeline = await findCareEventPage({ scope, category: null, cursor: null });
  const latest = await findLatestCareEvents(scope);
  const years = await findCareYears(scope);
  return JSON.stringify({ page, totals, chart, timeline, latest, years, csv: await exportedCsv(scope) });
}

describe("a minor's secret care", () => {
  it("reaches the minor, in every output", async () => {
    const { minor } = await minorAndParent();
    const output = await everyOutput(minor.actor, true);
    expect(output).toContain("Consultation confidentielle");
    const scope = await reimbursementScopeOf(minor.actor, { now: NOW, includeChildren: true });
    expect((await findYearTotals({ scope, filters: NO_STATEMENT_FILTERS }))[0]).toMatchObject({ lineCount: 2, amountPaidCents: 6000, insurerPaidCents: 5100 });
  });

  it("never reaches a legal representative: not in lists, totals, charts, exports, counters or the history they read", async () => {
    const { minor, parent, parentInOwnSpace } = await minorAndParent();

    // In the parent's own space, the child is a beneficiary of the filter; their secret care is not there.
    const ownScope = await reimbursementScopeOf(parentInOwnSpace, { now: NOW, includeChildren: true });
    expect(ownScope.beneficiaries.map((beneficiary) => beneficiary.personId)).toEqual([parent.id, minor.id]);
    const fromOwnSpace = await everyOutput(parentInOwnSpace, true);
    expect(fromOwnSpace).toContain("Consultation de pédiatrie");
    expect(fromOwnSpace).toContain("Consultation du parent");
    expect(fromOwnSpace).not.toContain("confidentielle");
    const totals = await findYearTotals({ scope: ownScope, filters: { ...NO_STATEMENT_FILTERS, beneficiaryId: minor.id } });
    expect(totals).toEqual([{ year: 2026, lineCount: 1, amountPaidCents: 3000, insurerPaidCents: 2100, complementaryPaidCents: 900, remainingChargeCents: 0 }]);
    const chart = await findRemainingChargeByYearAndCategory({ scope: ownScope, filters: { ...NO_STATEMENT_FILTERS, beneficiaryId: minor.id } });
    expect(chart).toEqual([{ year: 2026, category: "medical-dental-care", remainingChargeCents: 0 }]);

    // In the child's space, opened by the parent: the same.
    const inChildSpace = await signInAs(parent.accountId, NOW);
    expect(await chooseSubject({ actor: inChildSpace, personId: minor.id, now: NOW })).toEqual({ status: "chosen" });
    const live = await findLiveSession(getDb(), inChildSpace.session.id, { now: NOW, touch: false });
    const childSpaceActor = actorOf(live!);
    expect(childSpaceActor.subject).toMatchObject({ personId: minor.id, basis: "legal_representative" });
    const fromChildSpace = await everyOutput(childSpaceActor, true);
    expect(fromChildSpace).toContain("Consultation de pédiatrie");
    expect(fromChildSpace).not.toContain("confidentielle");
    expect(fromChildSpace).not.toContain("Consultation du parent");

    // The history they read of the child: the ordinary delivery, not the secret one.
    const page = await findActivityPage({ actor: childSpaceActor, filters: NO_FILTERS, cursor: null });
    expect(page.events.map((event) => event.label)).toContain("Réception de soins et de remboursements de l'Assurance Maladie");
    expect(page.events.some((event) => /confidentiels/.test(event.label))).toBe(false);
    const exported: string[] = [];
    for await (const batch of streamActivity({ actor: childSpaceActor, filters: NO_FILTERS })) exported.push(...batch.map((event) => event.label));
    expect(exported.some((label) => /confidentiels/.test(label))).toBe(false);
    // The minor reads both in their own history.
    const own = await findActivityPage({ actor: minor.actor, filters: NO_FILTERS, cursor: null });
    expect(own.events.some((event) => /confidentiels/.test(event.label))).toBe(true);
  });

  it("is not copied into the profile, which legal representatives read", async () => {
    const { minor } = await minorAndParent();
    const [secret] = await getDb().select().from(careEvents).where(and(eq(careEvents.personId, minor.id), eq(careEvents.isMinorSecret, true)));
    await getDb().update(careEvents).set({ category: "medicine-vaccine" }).where(eq(careEvents.id, secret!.id));
    expect(await addLineToProfile({ actor: minor.actor, lineId: secret!.id, target: "treatment", now: NOW })).toEqual({ status: "confidential" });
    expect(await getDb().select().from(profileItems).where(eq(profileItems.personId, minor.id))).toEqual([]);
  });
});

describe("Ajouter à mes traitements / à mes vaccinations", () => {
  it("adds a delivered medicine to the subject's treatments with the profile's own event, and nothing from anyone else's line", async () => {
    const patient = await createSignedInPerson();
    const other = await createInsuredPerson();
    await importOrFail([
      line(patient.nir, { category: "medicine-vaccine", actLabel: "Amoxicilline 500 mg", actCode: "3400900000031", careDate: "2026-05-04", paymentDate: "2026-05-05" }),
      line(patient.nir, { actLabel: "Consultation" }),
      line(other.nir, { category: "medicine-vaccine", actLabel: "Vaccin grippe" }),
    ]);
    const rows = await getDb().select().from(careEvents).where(inArray(careEvents.personId, [patient.id, other.id]));
    const medicine = rows.find((row) => row.actLabel === "Amoxicilline 500 mg")!;
    const consultation = rows.find((row) => row.actLabel === "Consultation")!;
    const othersVaccine = rows.find((row) => row.actLabel === "Vaccin grippe")!;

    expect(await addLineToProfile({ actor: patient.actor, lineId: medicine.id, target: "treatment", now: NOW })).toMatchObject({ status: "saved" });
    const [item] = await getDb().select().from(profileItems).where(eq(profileItems.personId, patient.id));
    expect(item).toMatchObject({ section: "treatment", label: "Amoxicilline 500 mg", startYear: 2026, startMonth: 5, startDay: 4 });
    const events = await getDb().select().from(activityEvents).where(eq(activityEvents.subjectPersonId, patient.id));
    expect(events.map((event) => event.action)).toContain("medical-profile.item-added");

    expect(await addLineToProfile({ actor: patient.actor, lineId: consultation.id, target: "treatment", now: NOW })).toEqual({ status: "not-found" });
    expect(await addLineToProfile({ actor: patient.actor, lineId: othersVaccine.id, target: "vaccination", now: NOW })).toEqual({ status: "not-found" });
    expect(await addLineToProfile({ actor: patient.actor, lineId: "pas-un-id", target: "vaccination", now: NOW })).toEqual({ status: "not-found" });
  });

  it("adds a delivered vaccine to the subject's vaccinations, with who delivered it as the vaccinator", async () => {
    const patient = await createSignedInPerson();
    await importOrFail([
      line(patient.nir, {
        category: "medicine-vaccine",
        actLabel: "Vaccin contre la grippe saisonnière",
        actCode: "3400900000024",
        careDate: "2025-11-03",
        paymentDate: "2025-11-04",
        professionalName: "Pharmacie des Glycines",
      }),
    ]);
    const [vaccine] = await getDb().select().from(careEvents).where(eq(careEvents.personId, patient.id));
    expect(await addLineToProfile({ actor: patient.actor, lineId: vaccine!.id, target: "vaccination", now: NOW })).toMatchObject({ status: "saved" });
    const [item] = await getDb().select().from(profileItems).where(eq(profileItems.personId, patient.id));
    expect(item).toMatchObject({
      section: "vaccination",
      label: "Vaccin contre la grippe saisonnière",
      performer: "Pharmacie des Glycines",
      startYear: 2025,
      startMonth: 11,
      startDay: 3,
    });
    expect(item!.details).toContain("Délivré le 03/11/2025 par Pharmacie des Glycines (code 3400900000024)");
    const events = await getDb().select().from(activityEvents).where(eq(activityEvents.subjectPersonId, patient.id));
    expect(events.filter((event) => event.action === "medical-profile.item-added")).toHaveLength(1);
  });

  it("does not add a represented child's medicine to the parent's own profile, though the parent's statement shows it", async () => {
    const minor = await createSignedInPerson();
    await getDb().update(insuredPersons).set({ birthDate: "2015-04-02" }).where(eq(insuredPersons.id, minor.id));
    const parent = await createSignedInPerson();
    await createRepresentation(getDb(), { actorAccountId: parent.accountId, subjectPersonId: minor.id, basis: "legal_representative", source: "register", now: new Date("2025-01-01T00:00:00Z") });
    const parentInOwnSpace = await signInAs(parent.accountId, NOW);
    await importOrFail([line(minor.nir, { category: "medicine-vaccine", actLabel: "Amoxicilline 250 mg, suspension buvable" })]);
    const [medicine] = await getDb().select().from(careEvents).where(eq(careEvents.personId, minor.id));
    const scope = await reimbursementScopeOf(parentInOwnSpace, { now: NOW, includeChildren: true });
    const page = await findStatementPage({ scope, filters: NO_STATEMENT_FILTERS, cursor: null });
    expect(page.lines.map((shown) => shown.id)).toContain(medicine!.id);

    expect(await addLineToProfile({ actor: parentInOwnSpace, lineId: medicine!.id, target: "treatment", now: NOW })).toEqual({ status: "not-found" });
    expect(await getDb().select().from(profileItems).where(inArray(profileItems.personId, [parent.id, minor.id]))).toEqual([]);
  });
});

describe("keyset pagination", () => {
  it("walks every line once, newest first, at the same cost on every page, filters included", async () => {
    const patient = await createSignedInPerson();
    const lines = Array.from({ length: 120 }, (_, index) => {
      const day = new Date(Date.UTC(2025, 0, 1) + (index % 60) * 86_400_000).toISOString().slice(0, 10);
      return line(patient.nir, { careDate: day, paymentDate: day, category: index % 3 === 0 ? "biology" : "medical-dental-care" });
    });
    await importOrFail(lines);
    const scope = await reimbursementScopeOf(patient.actor, { now: NOW, includeChildren: true });

    const first = await findStatementPage({ scope, filters: NO_STATEMENT_FILTERS, cursor: null });
    expect(first.lines).toHaveLength(statementRules.pageSize);
    expect(first.newerCursor).toBeNull();
    const walked = await allPages(scope);
    expect(walked).toHaveLength(120);
    expect(new Set(walked).size).toBe(120);
    const expected = (await linesOf(patient.id))
      .map((row) => row.care_events)
      .sort((left, right) => (left.careDate === right.careDate ? (left.id < right.id ? 1 : -1) : left.careDate < right.careDate ? 1 : -1))
      .map((row) => row.id);
    expect(walked).toEqual(expected);

    // Back from the second page: the first again.
    const [careDate, id] = first.olderCursor!.split("_") as [string, string];
    const second = await findStatementPage({ scope, filters: NO_STATEMENT_FILTERS, cursor: { direction: "older", careDate, id } });
    const [newerDate, newerId] = second.newerCursor!.split("_") as [string, string];
    const back = await findStatementPage({ scope, filters: NO_STATEMENT_FILTERS, cursor: { direction: "newer", careDate: newerDate, id: newerId } });
    expect(back.lines.map((entry) => entry.id)).toEqual(first.lines.map((entry) => entry.id));

    expect(await allPages(scope, { ...NO_STATEMENT_FILTERS, category: "biology" })).toHaveLength(40);
    expect((await exportedCsv(scope)).split("\r\n").length - 1).toBe(120);
  });
});

describe("masking « Mon histoire de santé » from professionals", () => {
  it("is visible by default to an authorised professional, and hidden once the patient masks it", async () => {
    const patient = await createSignedInPerson();
    await importOrFail([line(patient.nir, { actLabel: "Radiographie du genou", category: "imaging" })]);
    const { actor: doctor } = await createProfessional({ professionCode: "10" });
    await recordConsent({ actor: doctor, personId: patient.id, now: NOW });

    const visible = await openPatientRecord({ actor: doctor, personId: patient.id, now: NOW });
    expect(visible.status === "found" && visible.profile.healthHistory?.map((event) => event.actLabel)).toEqual(["Radiographie du genou"]);

    await setHealthHistoryHidden({ actor: patient.actor, isHidden: true, now: NOW });
    const masked = await openPatientRecord({ actor: doctor, personId: patient.id, now: NOW });
    expect(masked.status === "found" && masked.profile.healthHistory).toBeNull();

    await setHealthHistoryHidden({ actor: patient.actor, isHidden: true, now: NOW });
    await setHealthHistoryHidden({ actor: patient.actor, isHidden: false, now: NOW });
    const again = await openPatientRecord({ actor: doctor, personId: patient.id, now: NOW });
    expect(again.status === "found" && again.profile.healthHistory?.length).toBe(1);

    const actions = (await getDb().select().from(activityEvents).where(eq(activityEvents.subjectPersonId, patient.id))).map((event) => event.action);
    // Saying "masked" twice records it once.
    expect(actions.filter((action) => action === "reimbursements.section-masked")).toHaveLength(1);
    expect(actions.filter((action) => action === "reimbursements.section-shown")).toHaveLength(1);
    expect(actions.filter((action) => action === "professional-access.health-history-read")).toHaveLength(2);
  });
});
